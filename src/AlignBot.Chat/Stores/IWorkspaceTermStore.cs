namespace AlignBot.Chat.Stores;

/// <summary>
/// Workspace terms with every revision kept. Each change appends a revision and raises the workspace's glossary version
/// in one transaction, so a replica that sees a new <see cref="VersionAsync"/> also sees the change that raised it.
/// </summary>
public interface IWorkspaceTermStore
{
    /// <summary>Adds or replaces the term <see cref="WorkspaceTerm.Slug"/> in its workspace, keeping the old revision.</summary>
    Task SaveAsync(WorkspaceTerm term, TermChange change, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Removes a term from its workspace's answers, keeping its history; false when there was no such term.</summary>
    Task<bool> DeleteAsync(WorkspaceKey workspace, string slug, string deletedBy, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The workspace's current terms (deleted ones left out), by slug.</summary>
    Task<IReadOnlyList<WorkspaceTerm>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default);

    /// <summary>Every revision of one term, oldest first.</summary>
    Task<IReadOnlyList<TermRevision>> HistoryAsync(WorkspaceKey workspace, string slug, CancellationToken cancellationToken = default);

    /// <summary>The workspace's glossary version: 0 before its first term, raised by every change. Replicas poll it to refresh.</summary>
    Task<long> VersionAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default);
}
