namespace AlignBot.Teams;

/// <summary>
/// The data AlignBot's Adaptive Card buttons carry. A related-term button is an <c>Action.Submit</c> whose data is
/// <c>{"msteams":{"type":"messageBack",…},"alignbot":"show_term","slug":"rlhf"}</c>: Teams sends a message activity
/// whose <c>value</c> holds it, and the router turns that back into a <c>ChatAction</c>.
/// </summary>
internal static class TeamsActions
{
    public const string Key = "alignbot";
    public const string ShowTerm = "show_term";
    public const string Ask = "ask";
}
