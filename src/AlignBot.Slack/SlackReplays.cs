namespace AlignBot.Slack;

/// <summary>
/// What a replayed Slack request is recognised by (through <see cref="AlignBot.Chat.Stores.ReplayGuard"/>): a slash
/// command by its trigger_id, an interaction by its trigger_id and action_ts, a modal submission by its view id and hash, each within its team.
/// </summary>
internal static class SlackReplays
{
    public const string Command = "slack-command";

    public const string Interaction = "slack-interaction";

    /// <summary>A submitted modal, by its view id and state hash.</summary>
    public const string Submission = "slack-view-submission";

    /// <summary>A signed request is accepted from one replay window before its timestamp to one after (10 minutes at
    /// most each way): its id is kept well past both, as long as event ids are.</summary>
    public static TimeSpan KeepFor => SlackEventHandler.KeepEventIds;
}
