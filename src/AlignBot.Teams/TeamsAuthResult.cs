namespace AlignBot.Teams;

/// <summary>
/// The outcome of checking an inbound token; <see cref="Failure"/> names the reason for the log. <see cref="AcceptedUntil"/>
/// is the last moment the token would still be accepted (its expiry plus the clock skew): how long a replay can come.
/// </summary>
internal sealed record TeamsAuthResult(bool Valid, string? Failure, string? ServiceUrlClaim, IReadOnlyList<string> Endorsements, DateTimeOffset AcceptedUntil)
{
    public static TeamsAuthResult Fail(string reason) => new(false, reason, null, [], DateTimeOffset.MinValue);
}
