namespace AlignBot.Testing;

/// <summary>A SQLite file in the temp folder for one test host, deleted (with its WAL files) on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"alignbot-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={File}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { File, File + "-wal", File + "-shm", Path.ChangeExtension(File, ".token-key") })
            System.IO.File.Delete(path);
    }
}
