using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;

namespace AlignBot.Slack;

/// <summary>
/// Sends the living glossary's Slack messages with the workspace's token: a suggestion into the review channel, or as a
/// direct message to each curator (chat.postMessage to a user id opens the app's DM with them), and private notes as DMs.
/// </summary>
internal sealed class SlackReviewPublisher(SlackTokens tokens, SlackApiClient api, SlackRenderer renderer) : IReviewPublisher
{
    public Platform Platform => Platform.Slack;

    public async Task<bool> PostReviewAsync(WorkspaceKey workspace, string? reviewChannel, IReadOnlyList<string> curators, Reply.Review review,
        string askedIn, CancellationToken cancellationToken)
    {
        if (await tokens.ForTeamAsync(workspace.WorkspaceOrTenantId, cancellationToken) is not { } token)
            return false;
        IReadOnlyList<string> targets = reviewChannel is null ? curators : [reviewChannel];
        foreach (var channel in targets)
            await api.PostMessageAsync(token, channel, renderer.Public(review), threadTs: null, cancellationToken);
        return targets.Count > 0;
    }

    public async Task TellAsync(WorkspaceKey workspace, string userId, Reply.Notice note, string askedIn, CancellationToken cancellationToken)
    {
        if (await tokens.ForTeamAsync(workspace.WorkspaceOrTenantId, cancellationToken) is { } token)
            await api.PostMessageAsync(token, userId, renderer.Public(note), threadTs: null, cancellationToken);
    }
}
