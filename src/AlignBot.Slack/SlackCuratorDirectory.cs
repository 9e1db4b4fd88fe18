using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// Slack's curators: the ids in <c>Slack:Curators</c>, and the workspace's admins and owners as <c>users.info</c> reports
/// them. When Slack cannot say (no token, an API error), the person is not taken for an admin: one log line, no access.
/// </summary>
internal sealed class SlackCuratorDirectory(SlackTokens tokens, SlackApiClient api, IOptions<SlackOptions> options, ILogger<SlackCuratorDirectory> log)
    : ICuratorDirectory
{
    public Platform Platform => Platform.Slack;

    public IReadOnlyList<string> Configured => options.Value.Curators;

    public async Task<bool> IsAdminAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        if (await tokens.ForTeamAsync(workspace.WorkspaceOrTenantId, cancellationToken) is not { } token)
            return false;
        try
        {
            var user = await api.GetUserAsync(token, userId, cancellationToken);
            return user.IsAdmin || user.IsOwner;
        }
        catch (SlackApiException ex)
        {
            log.SlackAdminUnknown(workspace.WorkspaceOrTenantId, ex.Error);
            return false;
        }
    }
}
