using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using Npgsql;

namespace AlignBot.Storage.Tests;

/// <summary>
/// A store that stops answering mid-run fails with <see cref="StoreUnavailableException"/> (what the host degrades
/// on), never with a driver exception, names no connection detail, and works again once the database is back.
/// </summary>
public sealed class StoreOutageTests(MachineRequirements machine) : IClassFixture<MachineRequirements>
{
    private static readonly ChannelKey Channel = new(Platform.Slack, "T1", "C1");

    [Fact]
    public async Task Sqlite_file_that_becomes_unreadable_gives_store_unavailable_and_a_failed_ping()
    {
        var file = Path.Combine(Path.GetTempPath(), $"alignbot-outage-{Guid.NewGuid():N}.db");
        try
        {
            var store = new SqliteDatabase($"Data Source={file}");
            Assert.True(await store.Events.TryClaimAsync("slack:Ev1", DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await File.WriteAllBytesAsync(file, new byte[8192]);   // the disk under it went bad

            var claim = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Events.TryClaimAsync("slack:Ev2", DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Daily.EnabledAsync());
            await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Installations.FindAsync("T1"));
            Assert.False(await store.PingAsync(default));
            Assert.DoesNotContain(file, claim.Message);
            Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(claim.InnerException);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(path);
        }
    }

    [SkippableFact]
    public async Task Postgres_cut_off_mid_run_gives_store_unavailable_and_recovers_when_it_is_back()
    {
        var connection = machine.Postgres();
        var real = new NpgsqlConnectionStringBuilder(connection);
        await using var proxy = new CuttableProxy(real.Host!, real.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(connection) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5, CommandTimeout = 5 };
        using var store = new PostgresDatabase(throughProxy.ConnectionString);
        var key = "slack:outage-" + Guid.NewGuid().ToString("N");
        Assert.True(await store.Events.TryClaimAsync(key, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));

        proxy.Cut();

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Events.TryClaimAsync(key + "-2", DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Daily.FindAsync(Channel));
        Assert.False(await store.PingAsync(default));
        Assert.DoesNotContain(throughProxy.Host!, failure.Message);

        proxy.Restore();

        var recovered = false;
        for (var attempt = 0; attempt < 20 && !recovered; attempt++)
        {
            try
            {
                recovered = await store.PingAsync(default) && !await store.Events.TryClaimAsync(key, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
            }
            catch (StoreUnavailableException)
            {
                await Task.Delay(100);   // a pooled connection that died in the cut is found out and dropped
            }
        }
        Assert.True(recovered, "the store should answer again, and still know the event claimed before the cut");
    }
}
