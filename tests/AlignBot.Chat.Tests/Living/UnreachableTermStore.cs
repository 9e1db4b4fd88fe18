using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Tests.Living;

/// <summary>A workspace term store whose server is gone: every call fails as the real stores fail then.</summary>
internal sealed class UnreachableTermStore : IWorkspaceTermStore
{
    private static StoreUnavailableException Down() => new("test outage", new TimeoutException("The store is switched off by the test."));

    public Task SaveAsync(WorkspaceTerm term, TermChange change, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default) => throw Down();

    public Task<bool> DeleteAsync(WorkspaceKey workspace, string slug, string deletedBy, DateTimeOffset at, CancellationToken cancellationToken = default) => throw Down();

    public Task<IReadOnlyList<WorkspaceTerm>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) => throw Down();

    public Task<IReadOnlyList<TermRevision>> HistoryAsync(WorkspaceKey workspace, string slug, CancellationToken cancellationToken = default) => throw Down();

    public Task<long> VersionAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) => throw Down();
}
