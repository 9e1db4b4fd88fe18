using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>Rating counts per (workspace, term) in <c>term_ratings</c>, each click one upsert; no user id is kept.</summary>
internal sealed class SqlRatingStore(SqlDatabase db) : IRatingStore
{
    public Task RateAsync(WorkspaceKey workspace, string slug, bool helpful, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("""
            INSERT INTO term_ratings (workspace, slug, helpful, not_helpful) VALUES (@workspace, @slug, @helpful, @notHelpful)
            ON CONFLICT (workspace, slug) DO UPDATE SET helpful = term_ratings.helpful + @helpful, not_helpful = term_ratings.not_helpful + @notHelpful
            """, cancellationToken, ("workspace", workspace.Id), ("slug", slug), ("helpful", helpful ? 1 : 0), ("notHelpful", helpful ? 0 : 1));

    public Task<IReadOnlyList<TermRating>> LeastHelpfulAsync(WorkspaceKey workspace, int limit, CancellationToken cancellationToken = default) =>
        db.ListAsync("""
            SELECT slug, helpful, not_helpful FROM term_ratings WHERE workspace = @workspace AND not_helpful > 0
            ORDER BY not_helpful - helpful DESC, not_helpful DESC, slug LIMIT @limit
            """, r => new TermRating(r.GetString(0), r.GetInt32(1), r.GetInt32(2)), cancellationToken, ("workspace", workspace.Id), ("limit", (long)limit));
}
