using AlignBot.Chat.Daily;

namespace AlignBot.Chat.Tests.Daily;

/// <summary>Records what would be posted; can fail the next calls, transiently or for good.</summary>
internal sealed class RecordingPublisher(Platform platform = Platform.Slack) : IDailyPublisher
{
    public Platform Platform { get; } = platform;

    public List<(ChannelKey Channel, Reply.TermCard Card)> Posts { get; } = [];

    public Queue<DailyPublishException> Failures { get; } = new();

    /// <summary>Runs after each successful post: a test's way to fail something right after it.</summary>
    public Action? AfterPost { get; set; }

    public Task PublishAsync(ChannelKey channel, Reply card, CancellationToken cancellationToken)
    {
        if (Failures.TryDequeue(out var failure))
            throw failure;
        lock (Posts)
            Posts.Add((channel, (Reply.TermCard)card));
        AfterPost?.Invoke();
        return Task.CompletedTask;
    }
}
