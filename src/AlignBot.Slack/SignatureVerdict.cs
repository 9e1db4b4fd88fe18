namespace AlignBot.Slack;

/// <summary>The outcome of checking a Slack request signature; every value but <see cref="Valid"/> is a 401.</summary>
public enum SignatureVerdict
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    OutsideReplayWindow,
    MalformedSignature,
    BadSignature,
    NoSigningSecret,
}
