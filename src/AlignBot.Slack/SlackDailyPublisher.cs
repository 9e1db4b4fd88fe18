using AlignBot.Chat;
using AlignBot.Chat.Daily;

namespace AlignBot.Slack;

/// <summary>Posts the term of the day into a Slack channel with that workspace's token.</summary>
internal sealed class SlackDailyPublisher(SlackTokens tokens, SlackApiClient api, SlackRenderer renderer) : IDailyPublisher
{
    /// <summary>Slack errors that will not go away by waiting: the channel or the bot's access is gone.</summary>
    private static readonly HashSet<string> Permanent =
    [
        "channel_not_found", "is_archived", "not_in_channel", "invalid_auth", "token_revoked", "account_inactive", "not_authed",
        "missing_scope", "team_access_not_granted", "restricted_action",
    ];

    public Platform Platform => Platform.Slack;

    public async Task PublishAsync(ChannelKey channel, Reply card, CancellationToken cancellationToken)
    {
        var token = await tokens.ForTeamAsync(channel.TeamId, cancellationToken)
            ?? throw new DailyPublishException($"no Slack installation for team {channel.TeamId}", permanent: true);
        try
        {
            await api.PostMessageAsync(token, channel.ChannelId, renderer.Public(card), threadTs: null, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            throw new DailyPublishException($"Slack {ex.Method}: {ex.Error}", Permanent.Contains(ex.Error), ex);
        }
    }
}
