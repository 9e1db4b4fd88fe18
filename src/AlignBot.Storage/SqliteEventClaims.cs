using System.Collections.Concurrent;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>
/// SQLite's event and delivery keys: a claim is decided at once against the claims not yet written (in memory) and the
/// <c>seen_events</c> table (one read), and written with the others of the moment, in the background, within
/// <see cref="WriteDelay"/>. One SQLite file serves one host, so the claims not yet written are all in this process.
/// </summary>
/// <remarks>
/// Why: every slash command claims its trigger_id. Written before the answer, a claim cost a commit and two thread hops
/// per command (the mix without trigger_ids ran about 30% faster than with them, bench/README.md); written a few
/// hundred at a time, a claim costs a read before the answer and a share of one commit after it. What it trades: claims
/// made in the last <see cref="WriteDelay"/> before the process is killed are not kept, so a replay of one of those
/// commands after the restart, within Slack's five-minute signature window, is answered (docs/deploy.md). A store that
/// answers reads but refuses writes keeps at most <see cref="MaxUnwritten"/> claims waiting; beyond that, the batch
/// that could not be written is let go, as claims are while the store is down.
/// </remarks>
internal sealed class SqliteEventClaims(SqlDatabase db) : IEventDeduplicator
{
    /// <summary>How long a claim waits to be written with the others.</summary>
    public static readonly TimeSpan WriteDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>The most claims kept waiting while the store refuses to write them.</summary>
    public const int MaxUnwritten = 100_000;

    /// <summary>How long to wait before writing again after the store refused a batch.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, long> _unwritten = new(StringComparer.Ordinal);   // key → expiry (Unix ms)
    private readonly Lock _writing = new();   // a batch's statements and a release's are queued in the order they were decided
    private int _scheduled;
    private long _latest;   // the latest "now" a claim was made at: what the expired rows are swept by

    public async Task<bool> TryClaimAsync(string eventKey, DateTimeOffset now, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        var at = now.ToUnixTimeMilliseconds();
        var expires = (now + keepFor).ToUnixTimeMilliseconds();
        if (!Reserve(eventKey, at, expires))
            return false;
        bool live;
        try
        {
            live = await db.SingleAsync("SELECT 1 FROM seen_events WHERE event_key = @key AND expires_at > @now", _ => true, cancellationToken,
                ("key", eventKey), ("now", at));
        }
        catch
        {
            _unwritten.TryRemove(new KeyValuePair<string, long>(eventKey, expires));   // not decided: nothing to write
            throw;
        }
        if (live)
        {
            _unwritten.TryRemove(new KeyValuePair<string, long>(eventKey, expires));
            return false;
        }
        InterlockedMax(ref _latest, at);
        ScheduleWrite(WriteDelay);
        return true;
    }

    public async Task ReleaseAsync(string eventKey, CancellationToken cancellationToken = default)
    {
        Task released;
        lock (_writing)
        {
            _unwritten.TryRemove(eventKey, out _);
            released = db.ExecuteAsync("DELETE FROM seen_events WHERE event_key = @key", cancellationToken, ("key", eventKey));
        }
        await released;
    }

    /// <summary>Takes the key in memory: false when a claim of it not yet written is still live.</summary>
    private bool Reserve(string key, long at, long expires)
    {
        while (true)
        {
            if (_unwritten.TryAdd(key, expires))
                return true;
            if (!_unwritten.TryGetValue(key, out var held))
                continue;   // written and let go meanwhile: try again
            if (held > at)
                return false;
            if (_unwritten.TryUpdate(key, expires, held))
                return true;
        }
    }

    private void ScheduleWrite(TimeSpan delay)
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
            _ = WriteAfterAsync(delay);
    }

    private async Task WriteAfterAsync(TimeSpan delay)
    {
        var written = false;
        try
        {
            await Task.Delay(delay);
            written = await WriteUnwrittenAsync();
        }
        finally
        {
            Volatile.Write(ref _scheduled, 0);
            if (!_unwritten.IsEmpty)
                ScheduleWrite(written ? WriteDelay : RetryDelay);
        }
    }

    /// <summary>Writes every claim not yet written, as an upsert (a key can only be claimed again once expired); true when all were.</summary>
    private async Task<bool> WriteUnwrittenAsync()
    {
        KeyValuePair<string, long>[] batch;
        Task[] writes;
        lock (_writing)
        {
            batch = _unwritten.ToArray();
            writes = new Task[batch.Length + (Random.Shared.Next(100) == 0 ? 1 : 0)];
            for (var i = 0; i < batch.Length; i++)
            {
                writes[i] = db.ExecuteAsync("""
                    INSERT INTO seen_events (event_key, expires_at) VALUES (@key, @expires)
                    ON CONFLICT (event_key) DO UPDATE SET expires_at = max(seen_events.expires_at, excluded.expires_at)
                    """, CancellationToken.None, ("key", batch[i].Key), ("expires", batch[i].Value));
            }
            if (writes.Length > batch.Length)   // now and then, forget long-expired keys
                writes[^1] = db.ExecuteAsync("DELETE FROM seen_events WHERE expires_at <= @now", CancellationToken.None, ("now", Volatile.Read(ref _latest)));
        }
        var all = true;
        for (var i = 0; i < writes.Length; i++)
        {
            try
            {
                await writes[i];
                if (i < batch.Length)
                    _unwritten.TryRemove(batch[i]);   // unless claimed again meanwhile, with a new expiry still to write
            }
            catch (Exception)
            {
                all = false;   // kept in memory, written at the next try (the store is down, or a batch was refused)
            }
        }
        if (!all && batch.Length >= MaxUnwritten)
        {
            foreach (var claim in batch)
                _unwritten.TryRemove(claim);
        }
        return all;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
                return;
        }
    }
}
