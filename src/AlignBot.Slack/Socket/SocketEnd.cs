namespace AlignBot.Slack.Socket;

/// <summary>Why a Socket Mode socket ended, in the words the log and the reconnect logic use.</summary>
internal static class SocketEnd
{
    public const string Stopping = "shutting down";
    public const string ClosedBySlack = "closed by Slack";
    public const string RefreshRequested = "refresh_requested";
    public const string Warning = "warning";
    public const string LinkDisabled = "link_disabled";

    /// <summary>Slack's disconnect reason as one of the known words ("other" for anything else, so the log carries nothing unexpected).</summary>
    public static string Requested(string? reason) => reason is RefreshRequested or Warning or LinkDisabled ? reason : "other";

    /// <summary>Slack asked for a fresh connection as routine (it rotates them every few hours): reconnect at once.</summary>
    public static bool IsRoutine(string end) => end is RefreshRequested or Warning;
}
