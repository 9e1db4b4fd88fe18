namespace AlignBot.Chat;

/// <summary>Action ids shared by every renderer (which puts them on buttons) and the bot (which routes them).</summary>
public static class ActionIds
{
    /// <summary>Show the term whose slug is the value: related-term, suggestion and search-result buttons.</summary>
    public const string ShowTerm = "alignbot.show_term";

    /// <summary>Ask the question in the value again, as typed text ("did you mean" on a comparison, help examples).</summary>
    public const string Ask = "alignbot.ask";
}
