namespace AlignBot.Chat.Daily;

/// <summary>
/// Subscriptions, per-day claims and each channel's rotation, behind one interface with two implementations
/// (SQLite, PostgreSQL) that pass the same contract tests. Exactly-once delivery across replicas rests on
/// <see cref="TryClaimAsync"/>: one row per (channel, local date), taken or renewed only when free or expired.
/// </summary>
public interface IDailyStore
{
    Task SaveAsync(DailySubscription subscription, CancellationToken cancellationToken = default);

    Task<DailySubscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DailySubscription>> EnabledAsync(CancellationToken cancellationToken = default);

    /// <summary>Turns a subscription off, keeping why (a person, or a permanent delivery failure).</summary>
    Task DisableAsync(ChannelKey channel, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims (<paramref name="channel"/>, <paramref name="day"/>) for <paramref name="owner"/> until <paramref name="leaseUntil"/>: succeeds when no claim exists,
    /// or the existing one is unposted and its lease has expired (its owner crashed or is waiting to retry).
    /// </summary>
    Task<DailyClaim> TryClaimAsync(ChannelKey channel, DateOnly day, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default);

    /// <summary>Records the day's post as made, with the term shown (also added to the channel's shown set).</summary>
    Task MarkPostedAsync(ChannelKey channel, DateOnly day, string owner, string slug, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failed attempt and keeps the claim until <paramref name="now"/> plus <paramref name="backoff"/> after that many
    /// attempts, in one atomic step, so any replica retries after that delay. Returns the failed attempts so far; 0 when the
    /// claim is no longer <paramref name="owner"/>'s (nothing changes then).
    /// </summary>
    Task<int> DeferAsync(ChannelKey channel, DateOnly day, string owner, DateTimeOffset now, RetryBackoff backoff, CancellationToken cancellationToken = default);

    /// <summary>The slugs already shown in the channel's current round of the rotation.</summary>
    Task<IReadOnlySet<string>> ShownAsync(ChannelKey channel, CancellationToken cancellationToken = default);

    /// <summary>Starts a new round: every term may be shown again.</summary>
    Task ResetShownAsync(ChannelKey channel, CancellationToken cancellationToken = default);
}
