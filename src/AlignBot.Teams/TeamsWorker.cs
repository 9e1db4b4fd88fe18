using System.Text.Json.Nodes;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>Sends queued cards through the connector; a 403 (bot removed or blocked) also drops the conversation reference.</summary>
internal sealed class TeamsWorker(TeamsWorkQueue queue, TeamsConnectorClient connector, IConversationReferenceStore references,
    ILogger<TeamsWorker> log) : QueueWorker<TeamsWork>(queue, 4, log)
{
    protected override async Task HandleAsync(TeamsWork work, CancellationToken cancellationToken)
    {
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
