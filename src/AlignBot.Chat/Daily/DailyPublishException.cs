namespace AlignBot.Chat.Daily;

/// <summary>
/// A daily post that did not go out. Transient (rate limit, 5xx, network): retried with backoff the same day.
/// Permanent (channel gone, bot removed, token revoked): the subscription is turned off with this reason.
/// </summary>
public sealed class DailyPublishException(string reason, bool permanent, Exception? inner = null) : Exception(reason, inner)
{
    public bool Permanent { get; } = permanent;
}
