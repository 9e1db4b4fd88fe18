using System.Security.Cryptography;
using System.Text;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>
/// Ratings in <c>term_votes</c>, one row per (workspace, term, person), each click an upsert, counted per term when read.
/// The person is kept as HMAC-SHA256 of the workspace and their user id under the installation's secret key
/// (<see cref="StoreSecret"/>): the same person gets the same value, and the ids cannot be recovered or tested by
/// hashing guesses without that key. No user id is kept.
/// </summary>
internal sealed class SqlRatingStore(SqlDatabase db) : IRatingStore
{
    private readonly StoreSecret _key = new(db, "rater-key");

    public async Task RateAsync(WorkspaceKey workspace, string slug, string userId, bool helpful, CancellationToken cancellationToken = default)
    {
        var rater = Convert.ToBase64String(HMACSHA256.HashData(await _key.KeyAsync(cancellationToken), Encoding.UTF8.GetBytes(workspace.Id + "\n" + userId)));
        await db.ExecuteAsync("""
            INSERT INTO term_votes (workspace, slug, rater, helpful) VALUES (@workspace, @slug, @rater, @helpful)
            ON CONFLICT (workspace, slug, rater) DO UPDATE SET helpful = excluded.helpful
            """, cancellationToken, ("workspace", workspace.Id), ("slug", slug), ("rater", rater), ("helpful", helpful ? 1 : 0));
    }

    public Task<IReadOnlyList<TermRating>> LeastHelpfulAsync(WorkspaceKey workspace, int limit, CancellationToken cancellationToken = default) =>
        db.ListAsync("""
            SELECT slug, CAST(SUM(helpful) AS INTEGER), CAST(SUM(1 - helpful) AS INTEGER) FROM term_votes WHERE workspace = @workspace
            GROUP BY slug HAVING SUM(1 - helpful) > 0
            ORDER BY SUM(1 - helpful) - SUM(helpful) DESC, SUM(1 - helpful) DESC, slug LIMIT @limit
            """, r => new TermRating(r.GetString(0), r.GetInt32(1), r.GetInt32(2)), cancellationToken, ("workspace", workspace.Id), ("limit", (long)limit));
}
