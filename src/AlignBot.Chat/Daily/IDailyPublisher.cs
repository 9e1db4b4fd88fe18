namespace AlignBot.Chat.Daily;

/// <summary>Posts a card publicly into a subscribed channel, for one platform. Throws <see cref="DailyPublishException"/>.</summary>
public interface IDailyPublisher
{
    Platform Platform { get; }

    Task PublishAsync(ChannelKey channel, Reply card, CancellationToken cancellationToken);
}
