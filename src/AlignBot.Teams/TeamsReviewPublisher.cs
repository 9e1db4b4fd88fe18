using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>
/// Sends the living glossary's Teams messages through the connector. A suggestion goes to the tenant's review channel
/// (set with <c>review here</c>, whose conversation reference is kept then); a private note goes in a one-to-one chat,
/// opened on the review channel's service URL. A bot learns no service URL for a tenant until it is spoken to there,
/// so without a review channel a tenant's curators are not reachable: one log line says to set one, and the suggestion
/// waits, stored.
/// </summary>
internal sealed class TeamsReviewPublisher(IConversationReferenceStore references, ICuratorStore curators, TeamsConnectorClient connector,
    AdaptiveCardRenderer renderer, ILogger<TeamsReviewPublisher> log) : IReviewPublisher
{
    public Platform Platform => Platform.Teams;

    public async Task<bool> PostReviewAsync(WorkspaceKey workspace, string? reviewChannel, IReadOnlyList<string> curatorIds, Reply.Review review,
        CancellationToken cancellationToken)
    {
        if (await ReviewReferenceAsync(workspace, reviewChannel, cancellationToken) is not { } channel)
            return false;
        await SendAsync(channel, channel.ConversationId, renderer.Render(review), cancellationToken);
        return true;
    }

    public async Task TellAsync(WorkspaceKey workspace, string userId, Reply.Notice note, CancellationToken cancellationToken)
    {
        if (await ReviewReferenceAsync(workspace, await curators.ReviewChannelAsync(workspace, cancellationToken), cancellationToken) is { } channel)
            await TellCardAsync(channel, workspace, userId, renderer.Render(note), cancellationToken);
    }

    private async Task<ConversationReference?> ReviewReferenceAsync(WorkspaceKey workspace, string? reviewChannel, CancellationToken cancellationToken)
    {
        if (reviewChannel is not null && await references.FindAsync(reviewChannel, cancellationToken) is { } reference)
            return reference;
        log.TeamsNoReviewChannel(workspace.WorkspaceOrTenantId);
        return null;
    }

    private async Task TellCardAsync(ConversationReference via, WorkspaceKey workspace, string userId, System.Text.Json.Nodes.JsonObject card,
        CancellationToken cancellationToken)
    {
        if (await connector.CreatePersonalConversationAsync(via.ServiceUrl, via.BotId, userId, workspace.WorkspaceOrTenantId, cancellationToken) is { } chat)
            await SendAsync(via, chat, card, cancellationToken);
    }

    private async Task SendAsync(ConversationReference via, string conversationId, System.Text.Json.Nodes.JsonObject card, CancellationToken cancellationToken) =>
        await connector.SendAsync(via.ServiceUrl, conversationId, null, OutgoingActivity.Message(new ActivityAccount(via.BotId, null), conversationId, null, null, card),
            cancellationToken);
}
