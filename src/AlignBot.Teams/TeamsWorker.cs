using System.Text.Json.Nodes;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>Sends queued cards through the connector; a 403 (bot removed or blocked) also drops the conversation reference.</summary>
internal sealed class TeamsWorker(TeamsWorkQueue queue, TeamsConnectorClient connector, IConversationReferenceStore references,
    ILogger<TeamsWorker> log) : QueueWorker<TeamsWork>(queue, 4, log)
{
    /// <summary>Teams with more members than this get no welcome: in a big team it is noise for most of them.</summary>
    public const int LargeTeam = 100;

    protected override async Task HandleAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        if (work.WelcomeTeamId is { } team && await TeamSizeAsync(work.ServiceUrl, team, cancellationToken) is > LargeTeam)
        {
            log.TeamsWelcomeSkipped(work.ConversationId, LargeTeam);
            return;
        }
        try
        {
            await connector.SendAsync(work.ServiceUrl, work.ConversationId, work.ReplyToId, ToActivity(work), cancellationToken);
        }
        catch (TeamsConnectorException ex) when (ex.WritesBlocked)
        {
            log.TeamsSendFailed(ex, work.ConversationId);
            await references.DeleteAsync(work.ConversationId, cancellationToken);
        }
    }

    protected override void LogFailure(TeamsWork work, Exception exception) => log.TeamsSendFailed(exception, work.ConversationId);

    /// <summary>The team's size up to <see cref="LargeTeam"/> + 1, or null when the roster cannot be read (then the welcome goes out).</summary>
    private async Task<int?> TeamSizeAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.CountMembersAsync(serviceUrl, teamId, LargeTeam, cancellationToken);
        }
        catch (Exception ex) when (ex is TeamsConnectorException or System.Text.Json.JsonException)
        {
            log.TeamsRosterUnavailable(ex, teamId);
            return null;
        }
    }

    internal static JsonObject ToActivity(TeamsWork work)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = work.Bot.Id, ["name"] = work.Bot.Name },
            ["conversation"] = new JsonObject { ["id"] = work.ConversationId },
            ["attachments"] = new JsonArray(AdaptiveCardRenderer.Attachment((JsonObject)work.Card.DeepClone())),
        };
        if (work.User is { } user)
            activity["recipient"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        if (work.ReplyToId is not null)
            activity["replyToId"] = work.ReplyToId;
        if (work.Card["fallbackText"] is { } fallback)
            activity["summary"] = fallback.GetValue<string>();
        return activity;
    }
}
