using System.Text.Json.Nodes;

namespace AlignBot.Teams;

/// <summary>
/// A card to send into a conversation: a reply to someone, or (no user) a proactive post. With
/// <paramref name="WelcomeTeamId"/> it is the welcome into a team's channel, sent only when the team has at most
/// <see cref="TeamsWorker.LargeTeam"/> members.
/// </summary>
internal sealed record TeamsWork(string ServiceUrl, string ConversationId, string? ReplyToId, ActivityAccount Bot, ActivityAccount? User, JsonObject Card,
    string? WelcomeTeamId = null);
