using System.Data.Common;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>
/// Workspace terms as an append-only history (<c>workspace_term_revisions</c>): the current term is a slug's newest
/// revision unless that one is a deletion. Every change also raises the workspace's row in <c>glossary_versions</c>, in
/// the same transaction, which is what other replicas poll.
/// </summary>
internal sealed class SqlWorkspaceTermStore(SqlDatabase db) : IWorkspaceTermStore
{
    public Task SaveAsync(WorkspaceTerm term, TermChange change, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync("INSERT", async tx =>
        {
            await AppendAsync(tx, term, change, changedBy, at, cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<bool> DeleteAsync(WorkspaceKey workspace, string slug, string deletedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(workspace, slug, cancellationToken);
        if (current is null)
            return false;
        return await db.InTransactionAsync("INSERT", async tx =>
        {
            // Deleted only if nobody changed it since it was read: the newest revision is still the one read.
            var newest = await tx.ScalarAsync<long>(
                "SELECT MAX(id) FROM workspace_term_revisions WHERE workspace = @workspace AND slug = @slug",
                cancellationToken, ("workspace", workspace.Id), ("slug", slug));
            if (newest != current.Value.Id)
                return false;
            await AppendAsync(tx, current.Value.Term, TermChange.Deleted, deletedBy, at, cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<WorkspaceTerm>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        (await db.ListAsync(Newest + " ORDER BY r.slug", Revision, cancellationToken, ("workspace", workspace.Id)))
            .Where(r => r.Change != TermChange.Deleted).Select(r => r.Term).ToList();

    public Task<IReadOnlyList<TermRevision>> HistoryAsync(WorkspaceKey workspace, string slug, CancellationToken cancellationToken = default) =>
        db.ListAsync(Columns + " FROM workspace_term_revisions r WHERE r.workspace = @workspace AND r.slug = @slug ORDER BY r.id",
            Revision, cancellationToken, ("workspace", workspace.Id), ("slug", slug));

    public async Task<long> VersionAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        await db.SingleAsync("SELECT version FROM glossary_versions WHERE workspace = @workspace", r => r.GetInt64(0), cancellationToken,
            ("workspace", workspace.Id));

    private async Task<(long Id, WorkspaceTerm Term)?> CurrentAsync(WorkspaceKey workspace, string slug, CancellationToken cancellationToken)
    {
        var found = await db.SingleAsync(Newest + " AND r.slug = @slug", r => (Id: r.GetInt64(13), Revision: Revision(r)), cancellationToken,
            ("workspace", workspace.Id), ("slug", slug));
        return found.Revision is { Change: not TermChange.Deleted } revision ? (found.Id, revision.Term) : null;
    }

    /// <summary>
    /// Locks the workspace's glossary version row until the transaction ends, so changes to its terms happen one after
    /// another (on PostgreSQL, what later statements read then includes the change that held the lock before); the version
    /// itself is left as it was.
    /// </summary>
    internal static Task LockAsync(SqlTransaction tx, WorkspaceKey workspace, CancellationToken cancellationToken) =>
        tx.ExecuteAsync("""
            INSERT INTO glossary_versions (workspace, version) VALUES (@workspace, 0)
            ON CONFLICT (workspace) DO UPDATE SET version = glossary_versions.version
            """, cancellationToken, ("workspace", workspace.Id));

    /// <summary>Whether the workspace has a current (not deleted) term with this slug, read inside the transaction.</summary>
    internal static async Task<bool> IsCurrentAsync(SqlTransaction tx, WorkspaceKey workspace, string slug, CancellationToken cancellationToken) =>
        await tx.ScalarAsync<string>("""
            SELECT change FROM workspace_term_revisions
            WHERE workspace = @workspace AND slug = @slug ORDER BY id DESC LIMIT 1
            """, cancellationToken, ("workspace", workspace.Id), ("slug", slug)) is { } change && change != nameof(TermChange.Deleted);

    internal static async Task AppendAsync(SqlTransaction tx, WorkspaceTerm term, TermChange change, string changedBy, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await tx.ExecuteAsync("""
            INSERT INTO workspace_term_revisions (workspace, slug, name, aliases, definition, source_url, related, suggested_by, approved_by, approved_at,
                change, changed_by, changed_at)
            VALUES (@workspace, @slug, @name, @aliases, @definition, @source, @related, @suggestedBy, @approvedBy, @approvedAt, @change, @changedBy, @changedAt)
            """, cancellationToken, ("workspace", term.Workspace.Id), ("slug", term.Slug), ("name", term.Draft.Name),
            ("aliases", StoredList.Write(term.Draft.Aliases)), ("definition", term.Draft.Definition), ("source", term.Draft.SourceUrl),
            ("related", StoredList.Write(term.Draft.Related)), ("suggestedBy", term.SuggestedBy), ("approvedBy", term.ApprovedBy),
            ("approvedAt", term.ApprovedAt.ToUnixTimeMilliseconds()), ("change", change.ToString()), ("changedBy", changedBy),
            ("changedAt", at.ToUnixTimeMilliseconds()));
        await tx.ExecuteAsync("""
            INSERT INTO glossary_versions (workspace, version) VALUES (@workspace, 1)
            ON CONFLICT (workspace) DO UPDATE SET version = glossary_versions.version + 1
            """, cancellationToken, ("workspace", term.Workspace.Id));
    }

    private const string Columns = """
        SELECT r.workspace, r.slug, r.name, r.aliases, r.definition, r.source_url, r.related, r.suggested_by, r.approved_by, r.approved_at,
            r.change, r.changed_by, r.changed_at, r.id
        """;

    /// <summary>Each slug's newest revision in the workspace (deletions included; callers leave them out).</summary>
    private const string Newest = Columns + """
         FROM workspace_term_revisions r
        WHERE r.workspace = @workspace
          AND r.id = (SELECT MAX(n.id) FROM workspace_term_revisions n WHERE n.workspace = r.workspace AND n.slug = r.slug)
        """;

    private static TermRevision Revision(DbDataReader r)
    {
        var workspace = WorkspaceKey.Parse(r.GetString(0));
        var draft = new TermDraft(r.GetString(2), StoredList.Read(r.GetString(3)), r.GetString(4), SqlDatabase.Text(r, 5), StoredList.Read(r.GetString(6)));
        var term = new WorkspaceTerm(workspace, r.GetString(1), draft, r.GetString(7), r.GetString(8), SqlDatabase.Time(r, 9));
        return new TermRevision(term, Enum.Parse<TermChange>(r.GetString(10)), r.GetString(11), SqlDatabase.Time(r, 12));
    }
}
