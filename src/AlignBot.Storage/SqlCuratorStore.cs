using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>Curators added in chat (<c>curators</c>) and each workspace's review channel (<c>review_channels</c>).</summary>
internal sealed class SqlCuratorStore(SqlDatabase db) : ICuratorStore
{
    public async Task<bool> AddAsync(WorkspaceKey workspace, string userId, string addedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("""
            INSERT INTO curators (workspace, user_id, added_by, added_at) VALUES (@workspace, @user, @by, @at)
            ON CONFLICT (workspace, user_id) DO NOTHING
            """, cancellationToken, ("workspace", workspace.Id), ("user", userId), ("by", addedBy), ("at", at.ToUnixTimeMilliseconds())) == 1;

    public async Task<bool> RemoveAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("DELETE FROM curators WHERE workspace = @workspace AND user_id = @user", cancellationToken,
            ("workspace", workspace.Id), ("user", userId)) == 1;

    public Task<IReadOnlyList<string>> ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        db.ListAsync("SELECT user_id FROM curators WHERE workspace = @workspace ORDER BY user_id", r => r.GetString(0), cancellationToken,
            ("workspace", workspace.Id));

    public Task SetReviewChannelAsync(WorkspaceKey workspace, string channelId, string setBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("""
            INSERT INTO review_channels (workspace, channel_id, set_by, set_at) VALUES (@workspace, @channel, @by, @at)
            ON CONFLICT (workspace) DO UPDATE SET channel_id = @channel, set_by = @by, set_at = @at
            """, cancellationToken, ("workspace", workspace.Id), ("channel", channelId), ("by", setBy), ("at", at.ToUnixTimeMilliseconds()));

    public Task<string?> ReviewChannelAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        db.SingleAsync("SELECT channel_id FROM review_channels WHERE workspace = @workspace", r => r.GetString(0), cancellationToken,
            ("workspace", workspace.Id));

    public Task<IReadOnlyList<(WorkspaceKey Workspace, string ChannelId)>> ReviewChannelsAsync(CancellationToken cancellationToken = default) =>
        db.ListAsync("SELECT workspace, channel_id FROM review_channels ORDER BY workspace", r => (WorkspaceKey.Parse(r.GetString(0)), r.GetString(1)),
            cancellationToken);
}
