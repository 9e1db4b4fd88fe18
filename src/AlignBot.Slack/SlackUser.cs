namespace AlignBot.Slack;

/// <summary>What <c>users.info</c> says about a person that AlignBot uses: their time zone, and whether they administer or own the workspace.</summary>
public sealed record SlackUser(string Id, string? TimeZone, bool IsAdmin, bool IsOwner);
