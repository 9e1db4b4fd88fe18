namespace AlignBot.Chat.Stores;

/// <summary>
/// Helpful / Not helpful per term per workspace, one rating a person: a later click replaces that person's rating. Who
/// rated is kept only as a keyed hash of their platform user id, never the id itself.
/// </summary>
public interface IRatingStore
{
    /// <summary>Records <paramref name="userId"/>'s rating of <paramref name="slug"/> (a corpus or workspace term) in the workspace, replacing their earlier one.</summary>
    Task RateAsync(WorkspaceKey workspace, string slug, string userId, bool helpful, CancellationToken cancellationToken = default);

    /// <summary>
    /// The workspace's terms someone rated not helpful, least helpful first (most people saying "not helpful" over
    /// "helpful"), at most <paramref name="limit"/>; the figures count people, not clicks.
    /// </summary>
    Task<IReadOnlyList<TermRating>> LeastHelpfulAsync(WorkspaceKey workspace, int limit, CancellationToken cancellationToken = default);
}
