using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>
/// Sends the living glossary's Teams messages through the connector. A suggestion goes to the tenant's review channel
/// (set with <c>review here</c>, whose conversation reference is kept then), or, without one, to each curator in a
/// one-to-one chat; private notes go in a one-to-one chat too. A bot can open such a chat only on a service URL it has
/// been spoken to on, so it uses the review channel's, else that of the conversation the suggestion or decision came
/// from (the router keeps its reference). A review channel that cannot be posted to, or a curator who cannot be messaged
/// (the app not installed for them), is one log line and does not stop the others; when no curator is reached the
/// suggestion waits, stored.
/// </summary>
internal sealed class TeamsReviewPublisher(IConversationReferenceStore references, ICuratorStore curators, TeamsConnectorClient connector,
    AdaptiveCardRenderer renderer, ILogger<TeamsReviewPublisher> log) : IReviewPublisher
{
    public Platform Platform => Platform.Teams;

    public async Task<bool> PostReviewAsync(WorkspaceKey workspace, string? reviewChannel, IReadOnlyList<string> curatorIds, Reply.Review review, string askedIn,
        CancellationToken cancellationToken)
    {
        var card = renderer.Render(review);
        if (await ReferenceAsync(reviewChannel, cancellationToken) is { } channel)
        {
            try
            {
                await SendAsync(channel, channel.ConversationId, card, cancellationToken);
                return true;
            }
            catch (TeamsConnectorException ex)
            {
                log.TeamsReviewChannelUnreachable(workspace.WorkspaceOrTenantId, ex.Status, ex.Code);   // each curator directly instead
            }
        }
        var reached = 0;
        if (await ReferenceAsync(askedIn, cancellationToken) is { } via)
        {
            foreach (var curator in curatorIds)
            {
                if (await TryTellCardAsync(via, workspace, curator, card, cancellationToken))
                    reached++;
            }
        }
        if (reached == 0)
            log.TeamsNoCuratorReached(workspace.WorkspaceOrTenantId, curatorIds.Count);
        return reached > 0;
    }

    public async Task TellAsync(WorkspaceKey workspace, string userId, Reply.Notice note, string askedIn, CancellationToken cancellationToken)
    {
        var via = await ReferenceAsync(await curators.ReviewChannelAsync(workspace, cancellationToken), cancellationToken)
            ?? await ReferenceAsync(askedIn, cancellationToken);
        if (via is not null)
            await TryTellCardAsync(via, workspace, userId, renderer.Render(note), cancellationToken);
    }

    private async Task<ConversationReference?> ReferenceAsync(string? conversationId, CancellationToken cancellationToken) =>
        conversationId is { Length: > 0 } id ? await references.FindAsync(id, cancellationToken) : null;

    /// <summary>Opens the one-to-one chat with <paramref name="userId"/> on <paramref name="via"/>'s service URL and sends the card; false when Teams refuses.</summary>
    private async Task<bool> TryTellCardAsync(ConversationReference via, WorkspaceKey workspace, string userId, JsonObject card, CancellationToken cancellationToken)
    {
        try
        {
            if (await connector.CreatePersonalConversationAsync(via.ServiceUrl, via.BotId, userId, workspace.WorkspaceOrTenantId, cancellationToken) is not { } chat)
                return false;
            await SendAsync(via, chat, card, cancellationToken);
            return true;
        }
        catch (TeamsConnectorException ex)
        {
            log.TeamsUserUnreachable(userId, workspace.WorkspaceOrTenantId, ex.Status, ex.Code);
            return false;
        }
    }

    private async Task SendAsync(ConversationReference via, string conversationId, JsonObject card, CancellationToken cancellationToken) =>
        await connector.SendAsync(via.ServiceUrl, conversationId, null, OutgoingActivity.Message(new ActivityAccount(via.BotId, null), conversationId, null, null, card),
            cancellationToken);
}
