namespace AlignBot.Storage.Tests;

/// <summary>The store contract on a real SQLite file.</summary>
public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"alignbot-store-{Guid.NewGuid():N}.db");
    private readonly SqliteStore _store;

    public SqliteStoreContractTests() => _store = new SqliteStore($"Data Source={_file}");

    protected override SqlStore Store => _store;

    [Fact]
    public void Schema_is_migrated_to_the_latest_version_and_again_is_a_no_op()
    {
        Assert.Equal(SqliteSchema.Latest, _store.SchemaVersion);
        Assert.Equal(SqliteSchema.Latest, new SqliteStore($"Data Source={_file}").SchemaVersion);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }
}
