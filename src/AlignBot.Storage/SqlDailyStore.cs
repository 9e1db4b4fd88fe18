using System.Data.Common;
using AlignBot.Chat;
using AlignBot.Chat.Daily;

namespace AlignBot.Storage;

/// <summary>
/// Term-of-the-day subscriptions (<c>daily_subscriptions</c>), per-day claims (<c>daily_claims</c>) and each channel's
/// rotation (<c>daily_shown</c>). The unique (channel, local date) claim row is what makes a post exactly-once.
/// </summary>
internal sealed class SqlDailyStore(SqlDatabase db) : IDailyStore
{
    public Task SaveAsync(DailySubscription s, CancellationToken cancellationToken = default) => db.ExecuteAsync("""
        INSERT INTO daily_subscriptions (channel, platform, team_id, channel_id, at_minutes, time_zone, weekdays_only, enabled, seed, changed_by, changed_at, disabled_reason)
        VALUES (@channel, @platform, @team, @channelId, @at, @zone, @weekdays, @enabled, @seed, @by, @changed, @reason)
        ON CONFLICT (channel) DO UPDATE SET at_minutes = @at, time_zone = @zone, weekdays_only = @weekdays, enabled = @enabled,
            seed = @seed, changed_by = @by, changed_at = @changed, disabled_reason = @reason
        """, cancellationToken, ("channel", s.Channel.Id), ("platform", s.Channel.Platform.ToString()), ("team", s.Channel.TeamId), ("channelId", s.Channel.ChannelId),
        ("at", s.Schedule.At.Hour * 60 + s.Schedule.At.Minute), ("zone", s.Schedule.TimeZone), ("weekdays", s.Schedule.WeekdaysOnly ? 1 : 0),
        ("enabled", s.Enabled ? 1 : 0), ("seed", s.Seed), ("by", s.ChangedBy), ("changed", s.ChangedAt.ToUnixTimeMilliseconds()), ("reason", s.DisabledReason));

    public Task<DailySubscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        db.SingleAsync(SubscriptionColumns + " WHERE channel = @channel", Subscription, cancellationToken, ("channel", channel.Id));

    public Task<IReadOnlyList<DailySubscription>> EnabledAsync(CancellationToken cancellationToken = default) =>
        db.ListAsync(SubscriptionColumns + " WHERE enabled = 1 ORDER BY channel", Subscription, cancellationToken);

    public Task DisableAsync(ChannelKey channel, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) => db.ExecuteAsync(
        "UPDATE daily_subscriptions SET enabled = 0, disabled_reason = @reason, changed_at = @at WHERE channel = @channel",
        cancellationToken, ("channel", channel.Id), ("reason", reason), ("at", at.ToUnixTimeMilliseconds()));

    public async Task<DailyClaim> TryClaimAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default)
    {
        // The unique (channel, local_date) row is the lock: first insert wins; an unposted claim whose lease ran out
        // (its owner crashed, or is waiting to retry) is taken over; a posted one never is.
        var changed = await db.ExecuteAsync("""
            INSERT INTO daily_claims (channel, local_date, owner, lease_until, attempts) VALUES (@channel, @date, @owner, @lease, 0)
            ON CONFLICT (channel, local_date) DO UPDATE SET owner = @owner, lease_until = @lease
                WHERE daily_claims.posted_at IS NULL AND daily_claims.lease_until <= @now
            """, cancellationToken, ("channel", channel.Id), ("date", date.ToString("O")), ("owner", owner),
            ("lease", leaseUntil.ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()));
        if (changed == 1)
            return DailyClaim.Claimed;
        var posted = await db.SingleAsync("SELECT posted_at FROM daily_claims WHERE channel = @channel AND local_date = @date",
            r => (long?)(r.IsDBNull(0) ? null : r.GetInt64(0)), cancellationToken, ("channel", channel.Id), ("date", date.ToString("O")));
        return posted is not null ? DailyClaim.AlreadyPosted : DailyClaim.HeldElsewhere;
    }

    public async Task MarkPostedAsync(ChannelKey channel, DateOnly date, string owner, string slug, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var mine = await db.ExecuteAsync("UPDATE daily_claims SET posted_at = @at, slug = @slug WHERE channel = @channel AND local_date = @date AND owner = @owner",
            cancellationToken, ("at", at.ToUnixTimeMilliseconds()), ("slug", slug), ("channel", channel.Id), ("date", date.ToString("O")), ("owner", owner));
        if (mine == 0)
            return;   // the claim passed to another replica meanwhile; its post is the one that counts
        await db.ExecuteAsync("INSERT INTO daily_shown (channel, slug) VALUES (@channel, @slug) ON CONFLICT (channel, slug) DO NOTHING",
            cancellationToken, ("channel", channel.Id), ("slug", slug));
    }

    public Task<int> DeferAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, RetryBackoff backoff,
        CancellationToken cancellationToken = default) =>
        // One statement counts the attempt and sets the lease from the count before it (SET reads the old row), the same
        // rule as RetryBackoff.After: First × 2^(attempts − 1), at most Longest, times Jitter.
        db.SingleAsync("""
            UPDATE daily_claims SET attempts = attempts + 1,
                lease_until = @now + CAST((CASE WHEN attempts >= 20 OR (@first << attempts) > @longest THEN @longest ELSE (@first << attempts) END) * @jitter AS BIGINT)
            WHERE channel = @channel AND local_date = @date AND owner = @owner
            RETURNING attempts
            """, r => r.GetInt32(0), cancellationToken, ("now", now.ToUnixTimeMilliseconds()), ("first", (long)backoff.First.TotalMilliseconds),
            ("longest", (long)backoff.Longest.TotalMilliseconds), ("jitter", backoff.Jitter), ("channel", channel.Id), ("date", date.ToString("O")), ("owner", owner));

    public async Task<IReadOnlySet<string>> ShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        (await db.ListAsync("SELECT slug FROM daily_shown WHERE channel = @channel", r => r.GetString(0), cancellationToken, ("channel", channel.Id)))
            .ToHashSet(StringComparer.Ordinal);

    public Task ResetShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM daily_shown WHERE channel = @channel", cancellationToken, ("channel", channel.Id));

    private const string SubscriptionColumns =
        "SELECT platform, team_id, channel_id, at_minutes, time_zone, weekdays_only, enabled, seed, changed_by, changed_at, disabled_reason FROM daily_subscriptions";

    private static DailySubscription Subscription(DbDataReader r) => new(
        new ChannelKey(Enum.Parse<Platform>(r.GetString(0)), r.GetString(1), r.GetString(2)),
        new DailySchedule(new TimeOnly(r.GetInt32(3) / 60, r.GetInt32(3) % 60), r.GetString(4), r.GetInt32(5) == 1),
        r.GetInt32(6) == 1, r.GetString(7), r.GetString(8), SqlDatabase.Time(r, 9), SqlDatabase.Text(r, 10));
}
