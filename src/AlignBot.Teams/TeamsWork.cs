using System.Text.Json.Nodes;

namespace AlignBot.Teams;

/// <summary>A card to send into a conversation: a reply to someone, or (no user) a proactive post.</summary>
internal sealed record TeamsWork(string ServiceUrl, string ConversationId, string? ReplyToId, ActivityAccount Bot, ActivityAccount? User, JsonObject Card);
