namespace AlignBot.Slack;

/// <summary>What AlignBot reads about a person from users.info: their IANA time zone (null when Slack has none) and their role.</summary>
public sealed record SlackUser(string Id, string? TimeZone, bool IsAdmin, bool IsOwner);
