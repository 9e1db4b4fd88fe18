using System.Data.Common;
using Npgsql;

namespace AlignBot.Storage;

/// <summary>The PostgreSQL store, for several replicas sharing one database (<c>Storage:Provider=postgres</c>).</summary>
public sealed class PostgresDatabase : SqlDatabase, IDisposable
{
    private readonly NpgsqlDataSource _source;

    public PostgresDatabase(string connectionString, TokenCipher? tokens = null)
        : base(tokens)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        using var connection = _source.OpenConnection();
        Schema = PostgresSchema.Migrate(connection);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _source.OpenConnectionAsync(cancellationToken);

    public void Dispose() => _source.Dispose();
}
