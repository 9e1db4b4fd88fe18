namespace AlignBot.Chat;

/// <summary>Where it was asked: the workspace or tenant, the channel or conversation, and a thread if any.</summary>
public sealed record ChatPlace(string TeamId, string ChannelId, string? ThreadId = null)
{
    public static readonly ChatPlace Local = new("local", "local");
}
