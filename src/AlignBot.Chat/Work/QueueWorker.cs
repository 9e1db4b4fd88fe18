using AlignBot.Chat.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Work;

/// <summary>
/// Drains a <see cref="WorkQueue{T}"/> with a few concurrent consumers, so one slow call does not hold up the rest.
/// It is the error boundary: a failed item is logged and dropped, never crashes the host (a store outage is one Warning
/// line, anything else an Error with its exception). At shutdown the queue stops taking work and everything queued or in
/// flight is finished; only when the host's shutdown timeout runs out is the rest cancelled, and how many items that
/// dropped is logged.
/// </summary>
public abstract class QueueWorker<T>(WorkQueue<T> queue, int consumers, ILogger log) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Does one item. <paramref name="cancellationToken"/> fires only when the shutdown timeout runs out.</summary>
    protected abstract Task HandleAsync(T work, CancellationToken cancellationToken);

    /// <summary>Logs an item that failed, naming it without its content.</summary>
    protected abstract void LogFailure(T work, Exception exception);

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, consumers).Select(_ => Task.Run(ConsumeAsync, CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        var pending = queue.Count;
        if (pending > 0)
            log.WorkDraining(GetType().Name, pending);
        using (cancellationToken.Register(_abort.Cancel))
            await base.StopAsync(cancellationToken);
        if (_abort.IsCancellationRequested && queue.Count > 0)
            log.WorkDropped(GetType().Name, queue.Count);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task ConsumeAsync()
    {
        // Not the stopping token: a stop completes the queue, and the loop ends once it is empty.
        await foreach (var work in queue.ReadAllAsync())
        {
            if (_abort.IsCancellationRequested)
                return;
            try
            {
                await HandleAsync(work, _abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException ex)
            {
                // An outage, not a bug: one line without a stack. What was stored stays stored; the message is lost.
                log.WorkStoreUnavailable(GetType().Name, work?.GetType().Name ?? "?", ex.Message);
            }
            catch (Exception ex)
            {
                LogFailure(work, ex);
            }
        }
    }
}
