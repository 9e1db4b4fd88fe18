using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AlignBot.Storage;

/// <summary>
/// The SQLite store, the default: one file, WAL journal so readers never wait for the writer, a busy timeout so
/// concurrent writers queue instead of failing, schema created or migrated on construction. A new database and its
/// folder are created readable by their owner only (see <see cref="PrivateFiles"/>). This process's writes are committed
/// in groups by one writer (<see cref="SqliteGroupCommit"/>); reads never wait for it.
/// </summary>
public sealed class SqliteDatabase : SqlDatabase
{
    private readonly string _connectionString;
    private readonly SqliteGroupCommit _writes;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];   // connections set up
    private static readonly object Configured = new();

    public SqliteDatabase(string connectionString, TokenCipher? tokens = null)
        : base(tokens)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            PrivateFiles.CreateFolder(folder);
            PrivateFiles.CreateEmpty(Path.GetFullPath(file));   // owner-only, and so its -wal and -shm
        }
        _connectionString = builder.ToString();
        using var connection = Open();
        Schema = SqliteSchema.Migrate(connection);
        _writes = new SqliteGroupCommit(Open);
    }

    /// <summary>
    /// The token key kept beside the database file (<c>alignbot.db</c> → <c>alignbot.token-key</c>), created when
    /// missing; for an in-memory database, a key that lives as long as the process.
    /// </summary>
    public static TokenCipher TokenKeyBeside(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not { Length: > 0 } file || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            return new TokenCipher(System.Security.Cryptography.RandomNumberGenerator.GetBytes(TokenCipher.KeyBytes));
        var full = Path.GetFullPath(file);
        return TokenCipher.FromKeyFile(Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".token-key"));
    }

    /// <summary>The schema version of the database.</summary>
    public int SchemaVersion
    {
        get
        {
            using var connection = Open();
            return SqliteSchema.CurrentVersion(connection);
        }
    }

    protected override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(Open());

    protected override Task<int> WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken) =>
        _writes.WriteAsync(sql, parameters, cancellationToken);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Settings of the connection, not of the database: set once per connection SQLite opened, which the pool then
        // hands out again and again (they cost a parse each, on every read).
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            using var pragma = connection.CreateCommand();
            // In WAL mode NORMAL syncs the log at checkpoints, not at every commit: a crash of the process loses nothing
            // and never corrupts, a power cut or OS crash can lose the last moments' commits (docs/deploy.md). The sync at
            // every commit was most of a distinct slash command's cost under load (bench/README.md).
            pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, Configured);
        }
        return connection;
    }
}
