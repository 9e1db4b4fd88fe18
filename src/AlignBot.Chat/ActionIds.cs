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

    /// <summary>Open the form to suggest a term; the value is the name to prefill ("Suggest this term" on "no definition").</summary>
    public const string Suggest = "alignbot.suggest";

    /// <summary>A curator approves the suggestion whose id is the value.</summary>
    public const string Approve = "alignbot.approve";

    /// <summary>A curator opens the suggestion whose id is the value in the form, to change it before approving.</summary>
    public const string Edit = "alignbot.edit";

    /// <summary>A curator opens the approved workspace term whose slug is the value in the form, to change it.</summary>
    public const string EditTerm = "alignbot.edit_term";

    /// <summary>A curator rejects the suggestion whose id is the value.</summary>
    public const string Reject = "alignbot.reject";

    /// <summary>The card of the term whose slug is the value helped.</summary>
    public const string Helpful = "alignbot.helpful";

    /// <summary>The card of the term whose slug is the value did not help.</summary>
    public const string NotHelpful = "alignbot.not_helpful";

    /// <summary>From the digest: open the form prefilled with the unanswered question in the value.</summary>
    public const string AddDefinition = "alignbot.add_definition";
}
