namespace AlignBot.Chat.Stores;

/// <summary>
/// Suggestions and their one-way state machine, pending → approved or rejected. <see cref="TryDecideAsync"/> is a
/// compare-and-set on the pending state, so two curators deciding at once give exactly one outcome.
/// </summary>
public interface ISuggestionStore
{
    /// <summary>
    /// Stores a new suggestion unless its author already made <paramref name="perDay"/> in the day before it; false then,
    /// and nothing is stored.
    /// </summary>
    Task<bool> TryAddAsync(Suggestion suggestion, int perDay, CancellationToken cancellationToken = default);

    /// <summary>The suggestion with this id in this workspace, or null (another workspace's id included).</summary>
    Task<Suggestion?> FindAsync(WorkspaceKey workspace, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a pending suggestion to <paramref name="outcome"/>, with the draft as finally approved (a curator's edit);
    /// false when it is not pending any more, or not in this workspace: someone else decided first, or the click is forged.
    /// </summary>
    Task<bool> TryDecideAsync(WorkspaceKey workspace, string id, SuggestionState outcome, TermDraft draft, string decidedBy, DateTimeOffset at,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Approves the pending suggestion <paramref name="id"/> as <paramref name="term"/> (its draft as finally approved, by
    /// <see cref="WorkspaceTerm.ApprovedBy"/> at <see cref="WorkspaceTerm.ApprovedAt"/>) and adds the term, in one transaction:
    /// both happen or neither. Refused, changing nothing, when the suggestion is not pending in the term's workspace, or when
    /// another current term there already has <see cref="WorkspaceTerm.Slug"/> (two approvals of one name at once: one wins).
    /// </summary>
    Task<ApprovalOutcome> TryApproveAsync(string id, WorkspaceTerm term, CancellationToken cancellationToken = default);

    /// <summary>The workspace's pending suggestions, oldest first.</summary>
    Task<IReadOnlyList<Suggestion>> PendingAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default);
}
