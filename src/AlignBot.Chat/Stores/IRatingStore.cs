namespace AlignBot.Chat.Stores;

/// <summary>Helpful / Not helpful counts per term per workspace: counts only, never who clicked.</summary>
public interface IRatingStore
{
    /// <summary>Counts one rating of <paramref name="slug"/> (a corpus or workspace term) in the workspace.</summary>
    Task RateAsync(WorkspaceKey workspace, string slug, bool helpful, CancellationToken cancellationToken = default);

    /// <summary>The workspace's rated terms, least helpful first (most "not helpful" over "helpful"), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TermRating>> LeastHelpfulAsync(WorkspaceKey workspace, int limit, CancellationToken cancellationToken = default);
}
