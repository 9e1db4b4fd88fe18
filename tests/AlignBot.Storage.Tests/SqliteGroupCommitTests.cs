using Microsoft.Data.Sqlite;

namespace AlignBot.Storage.Tests;

/// <summary>
/// SQLite writes are committed in groups: a burst of concurrent writes costs a few commits, not one each, and a
/// statement that fails in a group fails alone.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"alignbot-group-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task Concurrent_writes_are_committed_together_and_each_caller_gets_its_own_answer()
    {
        _ = new SqliteDatabase($"Data Source={_file}");   // creates the schema
        var writes = Writer();
        const string claim = """
            INSERT INTO seen_events (event_key, expires_at) VALUES (@key, 1)
            ON CONFLICT (event_key) DO UPDATE SET expires_at = 1 WHERE seen_events.expires_at <= 0
            """;
        await writes.WriteAsync(claim, [("key", "earlier")], CancellationToken.None);
        await CheckpointAsync("TRUNCATE");   // an empty write-ahead log: what follows is the burst's

        var changed = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => writes.WriteAsync(claim, [("key", $"key-{i}")], CancellationToken.None))
            .Append(writes.WriteAsync(claim, [("key", "earlier")], CancellationToken.None)));

        Assert.All(changed[..64], c => Assert.Equal(1, c));
        Assert.Equal(0, changed[64]);   // a repeat in the same burst changes nothing
        // A commit per write appends a frame per changed page (the table and its two indexes) per write: 192 or more.
        var frames = await CheckpointAsync("PASSIVE");
        Assert.True(frames < 64, $"{frames} WAL frames for 64 writes");
    }

    [Fact]
    public async Task A_failing_statement_in_a_group_fails_alone_and_the_others_are_committed()
    {
        var store = new SqliteDatabase($"Data Source={_file}");   // creates the schema
        var writes = Writer();
        const string insert = "INSERT INTO seen_events (event_key, expires_at) VALUES (@key, 1)";

        List<Task<int>> results;
        await using (var holder = await WriteLockAsync())
        {
            results =
            [
                writes.WriteAsync(insert, [("key", "first")], CancellationToken.None),
                writes.WriteAsync("INSERT INTO seen_events (event_key, expires_at) VALUES (@key, NULL)", [("key", "second")], CancellationToken.None),   // NOT NULL
                writes.WriteAsync(insert, [("key", "third")], CancellationToken.None),
            ];
        }

        Assert.Equal(1, await results[0]);
        await Assert.ThrowsAsync<SqliteException>(() => results[1]);
        Assert.Equal(1, await results[2]);
        Assert.False(await store.Events.TryClaimAsync("first", DateTimeOffset.FromUnixTimeMilliseconds(0), TimeSpan.FromDays(1)));
        Assert.False(await store.Events.TryClaimAsync("third", DateTimeOffset.FromUnixTimeMilliseconds(0), TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task A_statement_kept_prepared_takes_each_writes_own_values_by_name()
    {
        _ = new SqliteDatabase($"Data Source={_file}");   // creates the schema
        var writes = Writer();
        const string insert = "INSERT INTO seen_events (event_key, expires_at) VALUES (@key, @expires)";

        List<Task<int>> results;
        await using (var holder = await WriteLockAsync())   // the three queue up and go in one transaction
        {
            results =
            [
                writes.WriteAsync(insert, [("key", "a"), ("expires", 1_000L)], CancellationToken.None),
                writes.WriteAsync(insert, [("expires", 2_000L), ("key", "b")], CancellationToken.None),
                writes.WriteAsync(insert, [("key", "c"), ("expires", null)], CancellationToken.None),   // NOT NULL: fails alone
            ];
        }

        Assert.Equal(1, await results[0]);
        Assert.Equal(1, await results[1]);
        await Assert.ThrowsAsync<SqliteException>(() => results[2]);
        Assert.Equal(1, await writes.WriteAsync(insert, [("key", "d"), ("expires", 3_000L)], CancellationToken.None));   // after the failure
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT group_concat(event_key || '=' || expires_at, ' ') FROM (SELECT * FROM seen_events ORDER BY event_key)";
        Assert.Equal("a=1000 b=2000 d=3000", await read.ExecuteScalarAsync());
    }

    private SqliteGroupCommit Writer() => new(() =>
    {
        var connection = new SqliteConnection($"Data Source={_file}");
        connection.Open();
        return connection;
    });

    /// <summary>Another connection holding SQLite's write lock until disposed.</summary>
    private async Task<SqliteConnection> WriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;   // disposing it rolls back the empty transaction and lets the writer in
    }

    /// <summary>Checkpoints the write-ahead log in this mode; returns the frames it held.</summary>
    private async Task<long> CheckpointAsync(string mode)
    {
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(1);
    }
}
