using System.Text.Json.Nodes;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>
/// Sends queued cards through the connector with a few concurrent consumers. The error boundary: a failure is
/// logged; a 403 (bot removed or blocked) also drops the stored conversation reference.
/// </summary>
internal sealed class TeamsWorker(TeamsWorkQueue queue, TeamsConnectorClient connector, IConversationReferenceStore references,
    ILogger<TeamsWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await connector.SendAsync(work.ServiceUrl, work.ConversationId, work.ReplyToId, ToActivity(work), stoppingToken);
                }
                catch (TeamsConnectorException ex) when (ex.WritesBlocked)
                {
                    log.TeamsSendFailed(ex, work.ConversationId);
                    await references.DeleteAsync(work.ConversationId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    log.TeamsSendFailed(ex, work.ConversationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
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
