using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>Unanswered questions per workspace in <c>unanswered_questions</c>: normalized text, count, last seen; no user ids.</summary>
internal sealed class SqlUnansweredStore(SqlDatabase db) : IUnansweredStore
{
    public Task RecordAsync(WorkspaceKey workspace, string normalizedText, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("""
            INSERT INTO unanswered_questions (workspace, text, count, last_seen) VALUES (@workspace, @text, 1, @at)
            ON CONFLICT (workspace, text) DO UPDATE SET count = unanswered_questions.count + 1,
                last_seen = CASE WHEN unanswered_questions.last_seen > @at THEN unanswered_questions.last_seen ELSE @at END
            """, cancellationToken, ("workspace", workspace.Id), ("text", normalizedText), ("at", at.ToUnixTimeMilliseconds()));

    public Task<IReadOnlyList<UnansweredQuestion>> TopAsync(WorkspaceKey workspace, DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
        db.ListAsync("""
            SELECT text, count, last_seen FROM unanswered_questions WHERE workspace = @workspace AND last_seen >= @since
            ORDER BY count DESC, last_seen DESC, text LIMIT @limit
            """, r => new UnansweredQuestion(r.GetString(0), r.GetInt32(1), SqlDatabase.Time(r, 2)), cancellationToken,
            ("workspace", workspace.Id), ("since", since.ToUnixTimeMilliseconds()), ("limit", (long)limit));

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM unanswered_questions WHERE last_seen < @before", cancellationToken, ("before", before.ToUnixTimeMilliseconds()));
}
