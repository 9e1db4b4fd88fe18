using System.Data.Common;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>
/// The one command runner under every SQL store: a connection per command (the drivers pool them), named <c>@</c>
/// parameters, and every driver failure turned into <see cref="StoreUnavailableException"/>. The subclasses open
/// connections and create or migrate the schema. The stores AlignBot has are its properties, one per concern, each in
/// SQL that SQLite and PostgreSQL both run (<c>ON CONFLICT</c> upserts, times as Unix milliseconds); one contract test
/// suite runs them against both. Bot tokens are encrypted at rest when a <see cref="TokenCipher"/> is given.
/// </summary>
public abstract class SqlDatabase : IStoreHealth
{
    protected SqlDatabase(TokenCipher? tokens)
    {
        EncryptsTokens = tokens is not null;
        Installations = new SqlInstallationStore(this, tokens);
        Events = new SqlEventDeduplicator(this);
        ConversationReferences = new SqlConversationReferenceStore(this);
        Daily = new SqlDailyStore(this);
        WorkspaceTerms = new SqlWorkspaceTermStore(this);
        Suggestions = new SqlSuggestionStore(this);
        Curators = new SqlCuratorStore(this);
        Ratings = new SqlRatingStore(this);
        Unanswered = new SqlUnansweredStore(this);
    }

    /// <summary>Slack workspace installations.</summary>
    public IInstallationStore Installations { get; }

    /// <summary>Platform event and delivery ids already taken.</summary>
    public IEventDeduplicator Events { get; }

    /// <summary>Where to post into Teams conversations later.</summary>
    public IConversationReferenceStore ConversationReferences { get; }

    /// <summary>Term-of-the-day subscriptions, claims and rotations.</summary>
    public IDailyStore Daily { get; }

    /// <summary>Terms each workspace added, with their history and the workspace's glossary version.</summary>
    public IWorkspaceTermStore WorkspaceTerms { get; }

    /// <summary>Terms proposed in chat, pending or decided.</summary>
    public ISuggestionStore Suggestions { get; }

    /// <summary>Curators added in chat and review channels.</summary>
    public ICuratorStore Curators { get; }

    /// <summary>Helpful / Not helpful per term per workspace, one a person, who kept only as a keyed hash.</summary>
    public IRatingStore Ratings { get; }

    /// <summary>Questions nothing answered, per workspace, without user ids.</summary>
    public IUnansweredStore Unanswered { get; }

    /// <summary>The database's schema version against this build's, as found when the store was opened and migrated.</summary>
    public SchemaStatus Schema { get; protected init; }

    /// <summary>Whether bot tokens are encrypted at rest (see <see cref="TokenCipher"/>).</summary>
    public bool EncryptsTokens { get; }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Whether the database answers a trivial query within two seconds.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var connection = await OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken) || ex is OperationCanceledException)
        {
            return false;
        }
    }

    // ---- plumbing ----

    internal async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        try
        {
            return await WriteAsync(sql, parameters, cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException(Verb(sql), ex);
        }
    }

    /// <summary>Runs one statement that changes the database and returns the number of rows it changed; by default on
    /// a connection of its own, committed alone.</summary>
    protected virtual async Task<int> WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal async Task<T?> SingleAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(reader) : default;
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException(Verb(sql), ex);
        }
    }

    internal async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var items = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
                items.Add(read(reader));
            return items;
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException(Verb(sql), ex);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on one connection (SQLite: <c>BEGIN IMMEDIATE</c>, so writers queue),
    /// committed when it returns; its commands go through <see cref="SqlTransaction"/>.
    /// </summary>
    internal async Task<T> InTransactionAsync<T>(string operation, Func<SqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(new SqlTransaction(connection, transaction));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException(operation, ex);
        }
    }

    /// <summary>
    /// What the driver throws when the database cannot be reached or cannot finish: its own exceptions (an exhausted
    /// pool included), a timeout, a socket or file error. Not a cancellation the caller asked for, and not
    /// InvalidOperationException, which is a bug in the caller rather than an outage.
    /// </summary>
    private static bool IsUnavailable(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        DbException or TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    /// <summary>The statement's first word (INSERT, SELECT…), for the exception's message: never parameters.</summary>
    private static string Verb(string sql) => sql.TrimStart().Split(' ', 2)[0];

    internal static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    internal static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    internal static DateTimeOffset Time(DbDataReader reader, int i) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(i));
}
