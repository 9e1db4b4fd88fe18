namespace AlignBot.Chat.Stores;

/// <summary>
/// Where and how to post into a Teams conversation later (proactive posts): the service URL it arrived from, the
/// conversation, and the bot's own account there. Saved when the bot is added, removed when it is removed.
/// </summary>
public sealed record ConversationReference(
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string BotId,
    string? TenantId,
    string? TeamId,
    string? ConversationType,
    DateTimeOffset UpdatedAt);
