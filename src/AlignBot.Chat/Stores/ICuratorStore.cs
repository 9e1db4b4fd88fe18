namespace AlignBot.Chat.Stores;

/// <summary>
/// Who reviews a workspace's suggestions beyond those the platform or configuration names (people added in chat with
/// <c>curators add</c>), and where: the review channel set with <c>review here</c>.
/// </summary>
public interface ICuratorStore
{
    /// <summary>Adds a curator; false when they already were one.</summary>
    Task<bool> AddAsync(WorkspaceKey workspace, string userId, string addedBy, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Removes a curator added in chat; false when they were not one.</summary>
    Task<bool> RemoveAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken = default);

    /// <summary>The curators added in chat, by user id.</summary>
    Task<IReadOnlyList<string>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="channelId"/> the workspace's review channel (replacing any earlier one).</summary>
    Task SetReviewChannelAsync(WorkspaceKey workspace, string channelId, string setBy, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The review channel, or null: then each curator gets a direct message.</summary>
    Task<string?> ReviewChannelAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default);

    /// <summary>Every workspace's review channel, for the weekly digest.</summary>
    Task<IReadOnlyList<(WorkspaceKey Workspace, string ChannelId)>> ReviewChannelsAsync(CancellationToken cancellationToken = default);
}
