using AlignBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Replicas of one deployment, for what must happen once across them: whole hosts (<see cref="SlackHost"/>, not yet
/// started) on one PostgreSQL ($ALIGNBOT_TEST_POSTGRES; the test is skipped without it, and fails in CI), with one
/// loopback fake Slack Web API and one fake clock. Disposing it disposes every replica, then the fake.
/// </summary>
internal sealed class PostgresReplicas : IAsyncDisposable
{
    private PostgresReplicas(string connectionString, FakeSlackApi slack, FakeTimeProvider clock, IReadOnlyList<SlackHost> hosts)
    {
        ConnectionString = connectionString;
        Slack = slack;
        Clock = clock;
        Hosts = hosts;
    }

    /// <summary>The shared database, which other test runs use too: name teams and channels with <see cref="Run"/>.</summary>
    public string ConnectionString { get; }

    public FakeSlackApi Slack { get; }

    public FakeTimeProvider Clock { get; }

    public IReadOnlyList<SlackHost> Hosts { get; }

    /// <summary>A name part no other run has, for this run's teams and channels.</summary>
    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <param name="machine">Provides the PostgreSQL connection string, or skips the test.</param>
    /// <param name="now">Where the shared clock starts.</param>
    /// <param name="count">How many replicas.</param>
    /// <param name="settings">Settings for every replica on top of the shared store's.</param>
    public static async Task<PostgresReplicas> CreateAsync(MachineRequirements machine, DateTimeOffset now, int count, params (string Key, string Value)[] settings)
    {
        var connectionString = machine.Postgres();
        var clock = new FakeTimeProvider(now);
        var slack = await FakeSlackApi.StartAsync();
        (string, string)[] shared = [("Storage:Provider", "postgres"), ("Storage:ConnectionString", connectionString), .. settings];
        return new PostgresReplicas(connectionString, slack, clock, [.. Enumerable.Range(0, count).Select(_ => SlackHost.Replica(slack, clock, shared))]);
    }

    /// <summary>Writes to the shared database directly: what another replica (a crashed one, say) left there.</summary>
    public async Task SeedAsync(Func<PostgresDatabase, Task> write)
    {
        using var store = new PostgresDatabase(ConnectionString);
        await write(store);
    }

    /// <summary>Stops every replica (each finishes what is in flight, as on shutdown); after it nothing more is posted.</summary>
    public async Task StopAllAsync()
    {
        foreach (var host in Hosts)
            await host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        await Slack.DisposeAsync();
    }
}
