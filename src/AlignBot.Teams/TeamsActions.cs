using System.Text.Json.Nodes;

namespace AlignBot.Teams;

/// <summary>
/// The data AlignBot's Adaptive Card buttons carry: a plain object, <c>{"alignbot":"show_term","slug":"rlhf"}</c>, with
/// no <c>msteams</c> part. Teams delivers a click on such an <c>Action.Submit</c> as a message activity whose
/// <c>value</c> is that object and whose text is empty, and the router turns it back into a <c>ChatAction</c>.
/// (Microsoft 365 Agents Playground's web client fails on any <c>Action.Submit</c> whose data has an <c>msteams</c>
/// object, so messageBack and imBack are not used.)
/// </summary>
internal static class TeamsActions
{
    public const string Key = "alignbot";
    public const string ShowTerm = "show_term";
    public const string Ask = "ask";

    /// <summary>The suggestion form's Submit: its inputs arrive beside the key, under the <see cref="Chat.Stores.DraftField"/> names.</summary>
    public const string SubmitSuggestion = "submit_suggestion";

    /// <summary>The living glossary's buttons, by the core's action ids (<see cref="Chat.ActionIds"/>), each with one value.</summary>
    public static readonly IReadOnlyDictionary<string, string> Living = new Dictionary<string, string>
    {
        ["suggest"] = Chat.ActionIds.Suggest,
        ["add_definition"] = Chat.ActionIds.AddDefinition,
        ["approve"] = Chat.ActionIds.Approve,
        ["edit"] = Chat.ActionIds.Edit,
        ["edit_term"] = Chat.ActionIds.EditTerm,
        ["reject"] = Chat.ActionIds.Reject,
        ["helpful"] = Chat.ActionIds.Helpful,
        ["not_helpful"] = Chat.ActionIds.NotHelpful,
    };

    /// <summary>The data of a button that shows the term <paramref name="slug"/>.</summary>
    public static JsonObject ShowTermData(string slug) => new() { [Key] = ShowTerm, ["slug"] = slug };

    /// <summary>The data of a living-glossary button for the core action <paramref name="actionId"/> with <paramref name="value"/>.</summary>
    public static JsonObject LivingData(string actionId, string value) => new() { [Key] = Living.Single(p => p.Value == actionId).Key, ["value"] = value };
}
