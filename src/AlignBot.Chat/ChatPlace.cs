namespace AlignBot.Chat;

/// <summary>
/// Where it was asked: <see cref="WorkspaceOrTenantId"/> is a Slack workspace (team) id or a Teams tenant id, and the
/// channel or conversation.
/// </summary>
public sealed record ChatPlace(string WorkspaceOrTenantId, string ChannelId)
{
    public static readonly ChatPlace Local = new("local", "local");
}
