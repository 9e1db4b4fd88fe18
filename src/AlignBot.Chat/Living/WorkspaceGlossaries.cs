using System.Collections.Concurrent;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// The workspace glossaries this replica has loaded, each at the store's glossary version it was read at. A workspace
/// is loaded on its first request; <see cref="RefreshAsync"/> (the host calls it every two seconds) reloads those whose
/// version another replica raised, so an approved term answers on every replica within seconds. <see cref="ScopeAsync"/>
/// is the one place that decides what a store outage means for what a request or a channel sees. Thread-safe.
/// </summary>
public sealed class WorkspaceGlossaries(IWorkspaceTermStore store, ILogger<WorkspaceGlossaries> log)
{
    private readonly ConcurrentDictionary<string, WorkspaceGlossary> _loaded = new(StringComparer.Ordinal);
    private int _unreadable;   // 1 from a failed read of terms until one succeeds: an outage is logged once, not per request

    /// <summary>The workspace's glossary as loaded, or null before its first load.</summary>
    public WorkspaceGlossary? Current(WorkspaceKey workspace) => _loaded.GetValueOrDefault(workspace.Id);

    /// <summary>The workspace's glossary, read from the store on first use.</summary>
    public async Task<WorkspaceGlossary> GetAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        Current(workspace) ?? await ReloadAsync(workspace, cancellationToken);

    /// <summary>
    /// What a request or a channel in <paramref name="workspace"/> may see: <paramref name="corpus"/> and the workspace's
    /// own terms, read from the store on first use. While the store is down the corpus alone answers (answers need no
    /// store), with one Warning line when the outage is first met (not one per request) until a read succeeds again.
    /// </summary>
    public async Task<GlossaryScope> ScopeAsync(TermGlossary corpus, WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        try
        {
            return new GlossaryScope(corpus, await GetAsync(workspace, cancellationToken));
        }
        catch (StoreUnavailableException ex)
        {
            if (Interlocked.Exchange(ref _unreadable, 1) == 0)
                log.LivingStoreUnavailable(ex.Message);
            return new GlossaryScope(corpus);
        }
    }

    /// <summary>Reads the workspace's terms again (after a change made here, which must answer at once).</summary>
    public async Task<WorkspaceGlossary> ReloadAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default)
    {
        var version = await store.VersionAsync(workspace, cancellationToken);
        var terms = await store.ListAsync(workspace, cancellationToken);
        var loaded = new WorkspaceGlossary(workspace, version, terms);
        Volatile.Write(ref _unreadable, 0);
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
