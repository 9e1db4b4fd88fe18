namespace AlignBot.Teams;

/// <summary>
/// A connector call that failed for good: its HTTP status (0 for a network failure or timeout) and the error code the
/// connector gave.
/// </summary>
public sealed class TeamsConnectorException(int status, string code, Exception? inner = null)
    : Exception($"Teams connector call failed: {status} {code}", inner)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>The bot was removed or blocked there: drop the conversation reference, do not retry.</summary>
    public bool WritesBlocked => Status == 403;
}
