using System.Threading.Channels;

namespace AlignBot.Slack;

/// <summary>A bounded queue between the endpoints (which acknowledge at once) and <see cref="SlackWorker"/>.</summary>
internal sealed class SlackWorkQueue
{
    public const int Capacity = 1_000;

    private readonly Channel<SlackWork> _channel = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public bool IsFull => _channel.Reader.Count >= Capacity;

    /// <summary>False when the queue is full; the endpoint then answers 503 so Slack retries later.</summary>
    public bool TryEnqueue(SlackWork work) => _channel.Writer.TryWrite(work);

    public IAsyncEnumerable<SlackWork> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
