using Microsoft.Data.Sqlite;

namespace AlignBot.Storage.Tests;

/// <summary>
/// SQLite's claims are decided at once and written a batch at a time in the background: once written, a restarted host
/// (a new store over the same file) still knows them. The contract tests hold the rest (one owner under concurrency,
/// expiry, release) while claims are still unwritten.
/// </summary>
public sealed class SqliteEventClaimsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Claims_are_written_together_soon_after_and_a_restarted_store_knows_them()
    {
        var now = DateTimeOffset.UtcNow;
        var store = new SqliteDatabase(_database.ConnectionString);
        var claimed = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => store.Events.TryClaimAsync($"slack-command:T1:{i}", now, TimeSpan.FromMinutes(5))));
        Assert.All(claimed, Assert.True);

        var rows = 0L;
        for (var attempt = 0; attempt < 100 && rows < 50; attempt++)
        {
            await Task.Delay(SqliteEventClaims.WriteDelay);
            rows = await CountAsync();
        }
        Assert.Equal(50, rows);

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
