using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>Teams conversation references in the <c>conversation_refs</c> table, by conversation id.</summary>
internal sealed class SqlConversationReferenceStore(SqlDatabase db) : IConversationReferenceStore
{
    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default) => db.ExecuteAsync("""
        INSERT INTO conversation_refs (conversation_id, service_url, channel_id, bot_id, tenant_id, team_id, conversation_type, updated_at)
        VALUES (@id, @url, @channel, @bot, @tenant, @team, @type, @at)
        ON CONFLICT (conversation_id) DO UPDATE SET service_url = @url, channel_id = @channel, bot_id = @bot,
            tenant_id = @tenant, team_id = @team, conversation_type = @type, updated_at = @at
        """, cancellationToken, ("id", reference.ConversationId), ("url", reference.ServiceUrl), ("channel", reference.ChannelId), ("bot", reference.BotId),
        ("tenant", reference.TenantId), ("team", reference.TeamId), ("type", reference.ConversationType), ("at", reference.UpdatedAt.ToUnixTimeMilliseconds()));

    public Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default) => db.SingleAsync(
        "SELECT conversation_id, service_url, channel_id, bot_id, tenant_id, team_id, conversation_type, updated_at FROM conversation_refs WHERE conversation_id = @id",
        r => new ConversationReference(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), SqlDatabase.Text(r, 4), SqlDatabase.Text(r, 5),
            SqlDatabase.Text(r, 6), SqlDatabase.Time(r, 7)),
        cancellationToken, ("id", conversationId));

    public async Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("DELETE FROM conversation_refs WHERE conversation_id = @id", cancellationToken, ("id", conversationId)) > 0;
}
