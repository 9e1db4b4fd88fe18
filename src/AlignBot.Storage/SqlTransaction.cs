using System.Data.Common;

namespace AlignBot.Storage;

/// <summary>Commands inside one <see cref="SqlDatabase.InTransactionAsync{T}"/>: the same parameter style as the database's own.</summary>
internal sealed class SqlTransaction(DbConnection connection, DbTransaction transaction)
{
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlDatabase.Command(connection, sql, parameters);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlDatabase.Command(connection, sql, parameters);
        command.Transaction = transaction;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
