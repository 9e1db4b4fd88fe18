using Microsoft.Data.Sqlite;

namespace AlignBot.Storage.Tests;

/// <summary>
/// SQLite's claims, made concurrently (so committed in groups), are in the file when their callers learn of them: a
/// restarted host, or another process on the same file, knows them. The contract tests hold the rest (one owner under
/// concurrency, expiry, release).
/// </summary>
public sealed class SqliteClaimsRestartTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Concurrent_claims_are_in_the_file_when_answered_and_a_restarted_store_knows_them()
    {
        var now = DateTimeOffset.UtcNow;
        var store = new SqliteDatabase(_database.ConnectionString);
        var claimed = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => store.Events.TryClaimAsync($"slack-command:T1:{i}", now, TimeSpan.FromMinutes(5))));
        Assert.All(claimed, Assert.True);

        Assert.Equal(50, await CountAsync());

        var restarted = new SqliteDatabase(_database.ConnectionString);
        Assert.False(await restarted.Events.TryClaimAsync("slack-command:T1:7", now.AddMinutes(1), TimeSpan.FromMinutes(5)));
        Assert.True(await restarted.Events.TryClaimAsync("slack-command:T1:7", now.AddMinutes(6), TimeSpan.FromMinutes(5)));   // expired
        Assert.True(await restarted.Events.TryClaimAsync("slack-command:T1:new", now.AddMinutes(1), TimeSpan.FromMinutes(5)));
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM seen_events";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
