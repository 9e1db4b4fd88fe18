using System.Threading.Channels;

namespace AlignBot.Teams;

/// <summary>A bounded queue between <c>/api/messages</c> (which answers at once) and <see cref="TeamsWorker"/>.</summary>
internal sealed class TeamsWorkQueue
{
    private readonly Channel<TeamsWork> _channel = Channel.CreateBounded<TeamsWork>(1_000);

    public bool TryEnqueue(TeamsWork work) => _channel.Writer.TryWrite(work);

    public IAsyncEnumerable<TeamsWork> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
