using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// Sends the living glossary's Slack messages with the workspace's token: a suggestion into the review channel, or (without
/// one, or when it cannot be posted to) as a direct message to each curator (chat.postMessage to a user id opens the app's
/// DM with them), and private notes as DMs. A post Slack refuses is one log line and does not stop the others.
/// </summary>
internal sealed class SlackReviewPublisher(SlackTokens tokens, SlackApiClient api, SlackRenderer renderer, ILogger<SlackReviewPublisher> log) : IReviewPublisher
{
    public Platform Platform => Platform.Slack;

    public async Task<bool> PostReviewAsync(WorkspaceKey workspace, string? reviewChannel, IReadOnlyList<string> curators, Reply.Review review,
        string askedIn, CancellationToken cancellationToken)
    {
        if (await tokens.ForTeamAsync(workspace.WorkspaceOrTenantId, cancellationToken) is not { } token)
            return false;
        var message = renderer.Public(review);
        if (reviewChannel is not null && await TryPostAsync(workspace, token, reviewChannel, message, cancellationToken))
            return true;
        var reached = 0;
        foreach (var curator in curators)
        {
            if (await TryPostAsync(workspace, token, curator, message, cancellationToken))
                reached++;
        }
        return reached > 0;
    }

    public async Task TellAsync(WorkspaceKey workspace, string userId, Reply.Notice note, string askedIn, CancellationToken cancellationToken)
    {
        if (await tokens.ForTeamAsync(workspace.WorkspaceOrTenantId, cancellationToken) is { } token)
            await TryPostAsync(workspace, token, userId, renderer.Public(note), cancellationToken);
    }

    /// <summary>Posts <paramref name="message"/> to a channel or a person's DM; false, logged once, when Slack refuses it.</summary>
    private async Task<bool> TryPostAsync(WorkspaceKey workspace, string token, string channel, JsonObject message, CancellationToken cancellationToken)
    {
        try
        {
            await api.PostMessageAsync(token, channel, message, threadTs: null, cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            log.SlackLivingPostFailed(channel, workspace.WorkspaceOrTenantId, ex.Error);
            return false;
        }
    }
}
