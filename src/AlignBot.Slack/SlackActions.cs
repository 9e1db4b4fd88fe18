namespace AlignBot.Slack;

/// <summary>
/// The action ids of Slack-only controls on AlignBot's Block Kit elements (the ones every platform has are
/// <see cref="AlignBot.Chat.ActionIds"/>), shared by the renderer (which puts them on buttons) and the interaction router. Ids that repeat within one block get a ":suffix" to stay unique; routing reads the prefix.
/// </summary>
internal static class SlackActions
{
    public const string ReadMore = "alignbot.read_more";
    public const string Share = "alignbot.share";
    public const string PickTerm = "alignbot.pick_term";
    public const string OpenPage = "alignbot.open_page";

    /// <summary>The routing part of an action id: "alignbot.show_term:rlhf" → "alignbot.show_term".</summary>
    public static string Prefix(string actionId)
    {
        var colon = actionId.IndexOf(':');
        return colon < 0 ? actionId : actionId[..colon];
    }
}
