namespace AlignBot.Chat.Stores;

/// <summary>
/// Remembers which platform events were already taken, across restarts and replicas, so a retried delivery is
/// handled once. Keys expire after <c>keepFor</c>, which must outlast the platform's last retry.
/// </summary>
public interface IEventDeduplicator
{
    /// <summary>True for the first caller of <paramref name="eventKey"/> within its lifetime; false for a repeat.</summary>
    Task<bool> TryClaimAsync(string eventKey, DateTimeOffset now, TimeSpan keepFor, CancellationToken cancellationToken = default);

    /// <summary>Gives a claimed key back, when the event could not be taken after all, so its retry is handled.</summary>
    Task ReleaseAsync(string eventKey, CancellationToken cancellationToken = default);
}
