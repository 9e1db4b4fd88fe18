namespace AlignBot.Teams;

/// <summary>The outcome of checking an inbound token; <see cref="Failure"/> names the reason for the log.</summary>
internal sealed record TeamsAuthResult(bool Valid, string? Failure, string? ServiceUrlClaim, IReadOnlyList<string> Endorsements)
{
    public static TeamsAuthResult Fail(string reason) => new(false, reason, null, []);
}
