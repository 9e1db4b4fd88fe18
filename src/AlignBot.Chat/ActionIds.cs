namespace AlignBot.Chat;

/// <summary>Action ids shared by every renderer (which puts them on buttons) and the bot (which routes them).</summary>
public static class ActionIds
{
    /// <summary>Show the term whose slug is the value: related-term, suggestion and search-result buttons.</summary>
    public const string ShowTerm = "alignbot.show_term";

    /// <summary>Ask the question in the value again, as typed text ("did you mean" on a comparison, help examples).</summary>
    public const string Ask = "alignbot.ask";

    /// <summary>Show two terms side by side; the value is their slugs, "first|second" (a shared comparison).</summary>
    public const string Compare = "alignbot.compare";
}
