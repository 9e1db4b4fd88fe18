using System.Collections.Concurrent;
using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Living;

/// <summary>
/// The workspace glossaries this replica has loaded, each at the store's glossary version it was read at. A workspace
/// is loaded on its first request; <see cref="RefreshAsync"/> (the host calls it every two seconds) reloads those whose
/// version another replica raised, so an approved term answers on every replica within seconds. Thread-safe.
/// </summary>
public sealed class WorkspaceGlossaries(IWorkspaceTermStore store)
{
    private readonly ConcurrentDictionary<string, WorkspaceGlossary> _loaded = new(StringComparer.Ordinal);

    /// <summary>The workspace's glossary as loaded, or null before its first load.</summary>
    public WorkspaceGlossary? Current(WorkspaceKey workspace) => _loaded.GetValueOrDefault(workspace.Id);

    /// <summary>The workspace's glossary, read from the store on first use.</summary>
    public async Task<WorkspaceGlossary> GetAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        Current(workspace) ?? await ReloadAsync(workspace, cancellationToken);

    /// <summary>Reads the workspace's terms again (after a change made here, which must answer at once).</summary>
    public async Task<WorkspaceGlossary> ReloadAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default)
    {
        var version = await store.VersionAsync(workspace, cancellationToken);
        var terms = await store.ListAsync(workspace, cancellationToken);
        var loaded = new WorkspaceGlossary(workspace, version, terms);
        // A slower reload that read an older version never replaces a newer one.
        return _loaded.AddOrUpdate(workspace.Id, loaded, (_, old) => old.Version > loaded.Version ? old : loaded);
    }

    /// <summary>Reloads every loaded workspace whose glossary version changed in the store; returns how many.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var reloaded = 0;
        foreach (var current in _loaded.Values)
        {
            if (await store.VersionAsync(current.Workspace, cancellationToken) == current.Version)
                continue;
            await ReloadAsync(current.Workspace, cancellationToken);
            reloaded++;
        }
        return reloaded;
    }
}
