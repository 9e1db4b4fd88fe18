using AlignBot.Storage;
using BenchmarkDotNet.Attributes;

namespace AlignBot.Benchmarks;

/// <summary>
/// The replay guard's write: claiming a new trigger_id in the SQLite store (a file database in WAL mode, as the host
/// runs it), one claim alone and 32 at once (what 32 concurrent slash commands do). Every claim is of a key never
/// claimed before; the figure is per operation of <see cref="Concurrency"/> claims.
/// </summary>
[MemoryDiagnoser]
public class ReplayClaimBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"alignbot-bench-claims-{Guid.NewGuid():N}");
    private SqliteDatabase _store = null!;
    private long _next;

    [Params(1, 32)]
    public int Concurrency { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => _store = new SqliteDatabase($"Data Source={Path.Combine(_folder, "alignbot.db")}");

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<bool[]> Claim() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ =>
        _store.Events.TryClaimAsync($"slack-command:T0BENCH:{Interlocked.Increment(ref _next)}", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(20))));
}
