namespace AlignBot.Chat.Daily;

/// <summary>A channel on a platform: the unit that subscribes to the term of the day.</summary>
public sealed record ChannelKey(Platform Platform, string TeamId, string ChannelId)
{
    /// <summary>One string for storage: "slack:T123:C456".</summary>
    public string Id => $"{Platform.ToString().ToLowerInvariant()}:{TeamId}:{ChannelId}";

    public override string ToString() => Id;
}
