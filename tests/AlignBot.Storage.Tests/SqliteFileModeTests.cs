using AlignBot.Chat.Stores;

namespace AlignBot.Storage.Tests;

/// <summary>The SQLite files hold bot tokens and their key: a new data folder is 0700, the database, its -wal and -shm and the key file 0600.</summary>
public sealed class SqliteFileModeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"alignbot-modes-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_new_store_creates_its_folder_and_files_readable_by_their_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var folder = Path.Combine(_root, "data");
        var database = Path.Combine(folder, "alignbot.db");
        var connection = $"Data Source={database}";

        var store = new SqliteDatabase(connection, SqliteDatabase.TokenKeyBeside(connection));
        await store.Installations.SaveAsync(new WorkspaceInstallation("T1", null, "Team", "xoxb-secret", "UBOT", "commands", "U1", DateTimeOffset.UtcNow));
        await using (var open = new Microsoft.Data.Sqlite.SqliteConnection(connection))
        {
            await open.OpenAsync();
            // A read holds the -wal and -shm files while they are checked. Another test's ClearAllPools can close the
            // store's pooled connections, and the last one to close removes both; SQLite then makes them again, with the
            // database file's mode, which is what is checked.
            await using (var read = open.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM sqlite_master";
                await read.ExecuteScalarAsync();
            }
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            foreach (var file in new[] { database, database + "-wal", database + "-shm", Path.Combine(folder, "alignbot.token-key") })
                Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
        }
    }
}
