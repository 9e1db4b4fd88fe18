using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace AlignBot.Storage;

/// <summary>
/// The writes of one SQLite database, committed together: every statement that changes the database is queued, and one
/// writer runs what has queued up (up to <see cref="MaxBatch"/>) in one transaction, so a burst of writes costs one
/// commit (one WAL sync) instead of one each. Each statement still runs alone and in order, and its caller learns its
/// own row count once the transaction holding it is committed.
/// </summary>
/// <remarks>
/// Why: SQLite takes one writer at a time, and each slash command claims its trigger_id (a write). With a connection
/// and a commit per claim, concurrent commands queued in SQLite's busy handler, which sleeps 1, 2, 5, 10 … ms between
/// tries: 32 concurrent distinct commands ran at about 700 a second (bench/README.md, "Mixed workload"). If a statement
/// of a batch fails, the batch is rolled back and its statements run again one transaction each, so one bad write never
/// takes the others with it and no caller is told of a failure that was in fact committed.
/// </remarks>
internal sealed class SqliteGroupCommit
{
    /// <summary>The most statements one transaction takes; a larger burst is committed in several.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<SqliteConnection> _open;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;   // the writer's own during a burst of writes: only the writer task touches it

    /// <summary>The most statement texts whose prepared commands are kept.</summary>
    private const int MaxPrepared = 64;

    public SqliteGroupCommit(Func<SqliteConnection> open)
    {
        _open = open;
        _ = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Queues a statement; the task ends with its changed-row count when it is committed, or with the driver's exception.</summary>
    public Task<int> WriteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(sql, parameters, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(write);   // unbounded: always accepted
        return write.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                batch.Add(write);
            if (!TryCommit(batch))
            {
                foreach (var write in batch)
                    TryCommit([write]);
            }
            batch.Clear();
            // The connection and its prepared statements serve a burst of writes; once the queue is empty it goes back
            // to the pool, so a database that went bad meanwhile is found by the next write, which opens it again.
            if (!_queue.Reader.TryPeek(out _))
                Reconnect();
        }
    }

    /// <summary>Runs the statements in one transaction and reports each result; false (nothing reported) when a
    /// statement failed and the batch was rolled back, so its statements can be run one by one.</summary>
    private bool TryCommit(IReadOnlyList<PendingWrite> batch)
    {
        var changed = new int[batch.Count];
        try
        {
            var connection = _connection ??= _open();
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                var command = Prepared(connection, batch[i]);
                command.Transaction = transaction;
                changed[i] = command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        catch (Exception ex)
        {
            Reconnect();
            if (batch.Count > 1)
                return false;
            foreach (var write in batch)
                write.Done.TrySetException(ex);
            return true;
        }
        for (var i = 0; i < batch.Count; i++)
            batch[i].Done.TrySetResult(changed[i]);
        return true;
    }

    /// <summary>
    /// The writer's command for the statement, with its values bound: one per statement text, kept with its prepared
    /// SQLite statement, so a write is not parsed again each time. The texts are the stores' constants; should there
    /// ever be more than <see cref="MaxPrepared"/>, the oldest set is let go.
    /// </summary>
    private SqliteCommand Prepared(SqliteConnection connection, PendingWrite write)
    {
        if (_prepared.TryGetValue(write.Sql, out var command) && Rebound(command, write.Parameters))
            return command;
        if (_prepared.Count >= MaxPrepared)
            DisposePrepared();
        command?.Dispose();
        command = (SqliteCommand)SqlDatabase.Command(connection, write.Sql, write.Parameters);
        _prepared[write.Sql] = command;
        return command;
    }

    /// <summary>Sets the kept command's values to these; false when their names are not the command's.</summary>
    private static bool Rebound(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        if (command.Parameters.Count != parameters.Length)
            return false;
        foreach (var (name, _) in parameters)
        {
            if (command.Parameters.IndexOf(name) < 0)
                return false;
        }
        foreach (var (name, value) in parameters)
            command.Parameters[name].Value = value ?? DBNull.Value;
        return true;
    }

    /// <summary>Lets the connection and its prepared statements go (after a failure it may be in any state): the next batch opens one again.</summary>
    private void Reconnect()
    {
        DisposePrepared();
        _connection?.Dispose();
        _connection = null;
    }

    private void DisposePrepared()
    {
        foreach (var command in _prepared.Values)
            command.Dispose();
        _prepared.Clear();
    }

    private sealed record PendingWrite(string Sql, (string Name, object? Value)[] Parameters, TaskCompletionSource<int> Done);
}
