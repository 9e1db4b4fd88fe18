using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// Who curates a workspace's own glossary: the people its platform or the configuration names
/// (<see cref="ICuratorDirectory"/>: on Slack its admins and owners too) and those added in chat, and the
/// <c>curators add|remove</c> and <c>curators</c> commands that change and list the latter. In the playground its one
/// user curates.
/// </summary>
public sealed class CuratorRoster(ICuratorStore curators, IEnumerable<ICuratorDirectory> directories, TimeProvider clock, ILogger<CuratorRoster> log)
{
    /// <summary>Whether the user curates the workspace: named in configuration, added in chat, or an administrator.</summary>
    public async Task<bool> IsCuratorAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        if (workspace.Platform == Platform.Playground)
            return true;   // one local workspace, whose one user curates it
        var directory = Directory(workspace.Platform);
        if (directory is not null && directory.Configured.Contains(userId, StringComparer.Ordinal))
            return true;
        if ((await curators.ListAsync(workspace, cancellationToken)).Contains(userId, StringComparer.Ordinal))
            return true;
        return directory is not null && await directory.IsAdminAsync(workspace, userId, cancellationToken);
    }

    /// <summary>The curators this replica can name (configuration and chat; administrators are found only when they act).</summary>
    public async Task<IReadOnlyList<string>> KnownAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        [.. (Directory(workspace.Platform)?.Configured ?? []).Concat(await curators.ListAsync(workspace, cancellationToken)).Distinct(StringComparer.Ordinal)];

    /// <summary><c>curators add|remove @…</c> (by a curator) and <c>curators</c> (by anyone).</summary>
    public async Task<Reply> ChangeAsync(ChatRequest request, Intent.Curators command, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        if (command.Change != CuratorChange.List && !await IsCuratorAsync(workspace, request.User.Id, cancellationToken))
            return log.Refuse(request, "curators " + command.Change.ToString().ToLowerInvariant(), "not a curator", "Only curators can add or remove curators.");
        var now = clock.GetUtcNow();
        switch (command.Change)
        {
            case CuratorChange.Add:
                foreach (var person in command.People)
                    await curators.AddAsync(workspace, person.Id, request.User.Id, now, cancellationToken);
                log.CuratorsChanged(workspace.Id, request.User.Id, "added", command.People.Count);
                return new Reply.Notice("Added as curators: " + Slots(command.People.Count) + ".", People: command.People);
            case CuratorChange.Remove:
                var removed = new List<ChatUser>();
                foreach (var person in command.People)
                {
                    if (await curators.RemoveAsync(workspace, person.Id, cancellationToken))
                        removed.Add(person);
                }
                log.CuratorsChanged(workspace.Id, request.User.Id, "removed", removed.Count);
                return removed.Count == 0
                    ? new Reply.Notice("None of them was a curator added in chat (workspace admins and people in the configuration stay curators).")
                    : new Reply.Notice("No longer curators: " + Slots(removed.Count) + ".", People: removed);
            default:
                var known = await KnownAsync(workspace, cancellationToken);
                var admins = request.Platform == Platform.Slack ? "The workspace's admins and owners, and " : "";
                return known.Count == 0
                    ? new Reply.Notice(admins.Length > 0 ? "The workspace's admins and owners curate this glossary." : "No curators yet: set them in the configuration.")
                    : new Reply.Notice(admins + "these people curate this glossary: " + Slots(known.Count) + ".", People: [.. known.Select(id => new ChatUser(id))]);
        }
    }

    private ICuratorDirectory? Directory(Platform platform) => directories.FirstOrDefault(d => d.Platform == platform);

    private static string Slots(int count) => string.Join(", ", Enumerable.Repeat(Reply.Notice.UserSlot, count));
}
