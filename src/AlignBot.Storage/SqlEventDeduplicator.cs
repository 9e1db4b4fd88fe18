using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>Event and delivery keys already taken, in the <c>seen_events</c> table, each with an expiry.</summary>
internal sealed class SqlEventDeduplicator(SqlDatabase db) : IEventDeduplicator
{
    public async Task<bool> TryClaimAsync(string eventKey, DateTimeOffset now, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        // Inserted, or an expired key taken again: one row changed. A live key from an earlier delivery: none.
        var changed = await db.ExecuteAsync("""
            INSERT INTO seen_events (event_key, expires_at) VALUES (@key, @expires)
            ON CONFLICT (event_key) DO UPDATE SET expires_at = @expires WHERE seen_events.expires_at <= @now
            """, cancellationToken, ("key", eventKey), ("expires", (now + keepFor).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()));
        if (Random.Shared.Next(100) == 0)   // now and then, forget long-expired keys
            await db.ExecuteAsync("DELETE FROM seen_events WHERE expires_at <= @now", cancellationToken, ("now", now.ToUnixTimeMilliseconds()));
        return changed == 1;
    }

    public Task ReleaseAsync(string eventKey, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM seen_events WHERE event_key = @key", cancellationToken, ("key", eventKey));
}
