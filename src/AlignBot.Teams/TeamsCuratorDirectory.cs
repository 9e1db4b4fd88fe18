using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Options;

namespace AlignBot.Teams;

/// <summary>Teams' curators: the user ids in <c>Teams:Curators</c>. Teams tells a bot no tenant roles, so there are no admins by role.</summary>
internal sealed class TeamsCuratorDirectory(IOptions<TeamsOptions> options) : ICuratorDirectory
{
    public Platform Platform => Platform.Teams;

    public IReadOnlyList<string> Configured => options.Value.Curators;

    public Task<bool> IsAdminAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken) => Task.FromResult(false);
}
