namespace AlignBot.Chat.Stores;

/// <summary>
/// Questions answered "no definition found", per workspace, as normalized text with a count and the last time asked.
/// No user id is ever stored. Rows not seen for the retention period are pruned.
/// </summary>
public interface IUnansweredStore
{
    /// <summary>Counts one more asking of <paramref name="normalizedText"/>, seen at <paramref name="at"/>.</summary>
    Task RecordAsync(WorkspaceKey workspace, string normalizedText, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The most asked questions last seen at or after <paramref name="since"/>, most asked first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<UnansweredQuestion>> TopAsync(WorkspaceKey workspace, DateTimeOffset since, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes every workspace's questions last seen before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
