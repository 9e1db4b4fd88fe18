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
        }
    }

    /// <summary>Runs the statements in one transaction and reports each result; false (nothing reported) when a
    /// statement failed and the batch was rolled back, so its statements can be run one by one.</summary>
    private bool TryCommit(IReadOnlyList<PendingWrite> batch)
    {
        var changed = new int[batch.Count];
        try
        {
            using var connection = _open();
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
            {
                using var command = SqlDatabase.Command(connection, batch[i].Sql, batch[i].Parameters);
                command.Transaction = transaction;
                changed[i] = command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        catch (Exception) when (batch.Count > 1)
        {
            return false;
        }
        catch (Exception ex)
        {
            foreach (var write in batch)
                write.Done.TrySetException(ex);
            return true;
        }
        for (var i = 0; i < batch.Count; i++)
            batch[i].Done.TrySetResult(changed[i]);
        return true;
    }

    private sealed record PendingWrite(string Sql, (string Name, object? Value)[] Parameters, TaskCompletionSource<int> Done);
}
