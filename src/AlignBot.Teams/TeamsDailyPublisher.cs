using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;

namespace AlignBot.Teams;

/// <summary>Posts the term of the day into a Teams conversation through its stored conversation reference.</summary>
internal sealed class TeamsDailyPublisher(IConversationReferenceStore references, TeamsConnectorClient connector, AdaptiveCardRenderer renderer) : IDailyPublisher
{
    public Platform Platform => Platform.Teams;

    public async Task PublishAsync(ChannelKey channel, Reply card, CancellationToken cancellationToken)
    {
        var reference = await references.FindAsync(channel.ChannelId, cancellationToken)
            ?? throw new DailyPublishException($"no conversation reference for {channel.ChannelId} (the bot was removed)", permanent: true);
        var activity = OutgoingActivity.Message(new ActivityAccount(reference.BotId, null), reference.ConversationId, null, null, renderer.Render(card));
        try
        {
            await connector.SendAsync(reference.ServiceUrl, reference.ConversationId, null, activity, cancellationToken);
        }
        catch (TeamsConnectorException ex)
        {
            var permanent = ex.Status is 0 or 400 or 401 or 403 or 404 or 413;
            throw new DailyPublishException($"Teams connector: {ex.Status} {ex.Code}", permanent, ex);
        }
    }
}
