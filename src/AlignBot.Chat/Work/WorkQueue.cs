using System.Threading.Channels;

namespace AlignBot.Chat.Work;

/// <summary>
/// A bounded queue between an endpoint, which acknowledges at once, and the <see cref="QueueWorker{T}"/> that does the
/// slow part (posting to Slack or Teams). At shutdown it is completed: it takes nothing more, and the worker drains it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "It is a FIFO queue (a bounded channel); the rule is for types that are not, and the name is the one docs and callers use.")]
public class WorkQueue<T>(int capacity = WorkQueue<T>.DefaultCapacity)
{
    public const int DefaultCapacity = 1_000;

    private readonly Channel<T> _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    private volatile bool _completed;

    /// <summary>Items waiting for a consumer.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Whether an item offered now would be taken: not full, not shutting down.</summary>
    public bool IsAccepting => !_completed && _channel.Reader.Count < capacity;

    /// <summary>False when the queue is full or shutting down; the caller then asks the platform to retry.</summary>
    public bool TryEnqueue(T work) => _channel.Writer.TryWrite(work);

    /// <summary>Takes no more work; readers get what is queued, then the end.</summary>
    public void Complete()
    {
        _completed = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>Every item until <see cref="Complete"/> was called and the queue is empty.</summary>
    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => _channel.Reader.ReadAllAsync(cancellationToken);
}
