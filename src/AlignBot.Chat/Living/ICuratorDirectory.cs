using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Living;

/// <summary>
/// Who a platform itself says may curate a workspace: the ids in its configuration (<c>Slack:Curators</c>,
/// <c>Teams:Curators</c>) and, where the platform has them, its administrators (a Slack workspace's admins and owners).
/// People added in chat come from <see cref="ICuratorStore"/> on top of these.
/// </summary>
public interface ICuratorDirectory
{
    Platform Platform { get; }

    /// <summary>The user ids configuration names as curators.</summary>
    IReadOnlyList<string> Configured { get; }

    /// <summary>Whether the platform says the user administers the workspace; false where it has no such role.</summary>
    Task<bool> IsAdminAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken);
}
