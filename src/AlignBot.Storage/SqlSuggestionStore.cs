using System.Data.Common;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>
/// Suggestions (<c>suggestions</c>), one row each. Every read and write names the workspace as well as the id, and a
/// decision is an <c>UPDATE … WHERE state = 'pending'</c>: the first curator's changes one row, any later one none.
/// </summary>
internal sealed class SqlSuggestionStore(SqlDatabase db) : ISuggestionStore
{
    /// <remarks>
    /// The count and the insert run under the workspace's lock (<see cref="SqlWorkspaceTermStore.LockAsync"/>): without
    /// it, under PostgreSQL's READ COMMITTED, simultaneous submissions could each count the others' uncommitted rows out
    /// and pass the limit together.
    /// </remarks>
    public Task<bool> TryAddAsync(Suggestion s, int perDay, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync("INSERT", async tx =>
        {
            await SqlWorkspaceTermStore.LockAsync(tx, s.Workspace, cancellationToken);
            return await tx.ExecuteAsync("""
                INSERT INTO suggestions (id, workspace, name, aliases, definition, source_url, related, suggested_by, suggested_at, state)
                SELECT @id, @workspace, @name, @aliases, @definition, @source, @related, @by, @at, @state
                WHERE (SELECT COUNT(*) FROM suggestions WHERE workspace = @workspace AND suggested_by = @by AND suggested_at > @dayBefore) < @perDay
                """, cancellationToken, ("id", s.Id), ("workspace", s.Workspace.Id), ("name", s.Draft.Name), ("aliases", StoredList.Write(s.Draft.Aliases)),
                ("definition", s.Draft.Definition), ("source", s.Draft.SourceUrl), ("related", StoredList.Write(s.Draft.Related)), ("by", s.SuggestedBy),
                ("at", s.SuggestedAt.ToUnixTimeMilliseconds()), ("state", State(SuggestionState.Pending)),
                ("dayBefore", s.SuggestedAt.AddDays(-1).ToUnixTimeMilliseconds()), ("perDay", (long)perDay)) == 1;
        }, cancellationToken);

    public Task<Suggestion?> FindAsync(WorkspaceKey workspace, string id, CancellationToken cancellationToken = default) =>
        db.SingleAsync(Columns + " WHERE workspace = @workspace AND id = @id", Read, cancellationToken, ("workspace", workspace.Id), ("id", id));

    public async Task<bool> TryDecideAsync(WorkspaceKey workspace, string id, SuggestionState outcome, TermDraft draft, string decidedBy, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (outcome == SuggestionState.Pending)
            throw new ArgumentOutOfRangeException(nameof(outcome), "A decision is approved or rejected.");
        return await db.ExecuteAsync(Decide, cancellationToken, DecideParameters(workspace, id, outcome, draft, decidedBy, at)) == 1;
    }

    public Task<ApprovalOutcome> TryApproveAsync(string id, WorkspaceTerm term, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync("UPDATE", async tx =>
        {
            // One approval of this workspace's terms at a time; each check below is read after the previous one committed.
            await SqlWorkspaceTermStore.LockAsync(tx, term.Workspace, cancellationToken);
            var state = await tx.ScalarAsync<string>("SELECT state FROM suggestions WHERE workspace = @workspace AND id = @id", cancellationToken,
                ("workspace", term.Workspace.Id), ("id", id));
            if (state != State(SuggestionState.Pending))
                return ApprovalOutcome.AlreadyDecided;
            if (await SqlWorkspaceTermStore.IsCurrentAsync(tx, term.Workspace, term.Slug, cancellationToken))
                return ApprovalOutcome.NameTaken;
            if (await tx.ExecuteAsync(Decide, cancellationToken,
                    DecideParameters(term.Workspace, id, SuggestionState.Approved, term.Draft, term.ApprovedBy, term.ApprovedAt)) != 1)
                return ApprovalOutcome.AlreadyDecided;   // rejected since it was read
            await SqlWorkspaceTermStore.AppendAsync(tx, term, TermChange.Approved, term.ApprovedBy, term.ApprovedAt, cancellationToken);
            return ApprovalOutcome.Approved;
        }, cancellationToken);

    public Task<IReadOnlyList<Suggestion>> PendingAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        db.ListAsync(Columns + " WHERE workspace = @workspace AND state = @pending ORDER BY suggested_at, id", Read, cancellationToken,
            ("workspace", workspace.Id), ("pending", State(SuggestionState.Pending)));

    /// <summary>A pending suggestion decided, with its draft as finally approved: changes one row, or none once it is decided.</summary>
    private const string Decide = """
        UPDATE suggestions SET state = @outcome, name = @name, aliases = @aliases, definition = @definition, source_url = @source, related = @related,
            decided_by = @by, decided_at = @at
        WHERE workspace = @workspace AND id = @id AND state = @pending
        """;

    private static (string Name, object? Value)[] DecideParameters(WorkspaceKey workspace, string id, SuggestionState outcome, TermDraft draft,
        string decidedBy, DateTimeOffset at) =>
    [
        ("outcome", State(outcome)), ("name", draft.Name), ("aliases", StoredList.Write(draft.Aliases)), ("definition", draft.Definition),
        ("source", draft.SourceUrl), ("related", StoredList.Write(draft.Related)), ("by", decidedBy), ("at", at.ToUnixTimeMilliseconds()),
        ("workspace", workspace.Id), ("id", id), ("pending", State(SuggestionState.Pending)),
    ];

    private static string State(SuggestionState state) => state.ToString().ToLowerInvariant();

    private const string Columns =
        "SELECT id, workspace, name, aliases, definition, source_url, related, suggested_by, suggested_at, state, decided_by, decided_at FROM suggestions";

    private static Suggestion Read(DbDataReader r) => new(
        r.GetString(0), WorkspaceKey.Parse(r.GetString(1)),
        new TermDraft(r.GetString(2), StoredList.Read(r.GetString(3)), r.GetString(4), SqlDatabase.Text(r, 5), StoredList.Read(r.GetString(6))),
        r.GetString(7), SqlDatabase.Time(r, 8), Enum.Parse<SuggestionState>(r.GetString(9), ignoreCase: true), SqlDatabase.Text(r, 10),
        r.IsDBNull(11) ? null : SqlDatabase.Time(r, 11));
}
