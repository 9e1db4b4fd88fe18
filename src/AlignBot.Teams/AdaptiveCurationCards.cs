using System.Globalization;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;

namespace AlignBot.Teams;

/// <summary>
/// The living glossary's Adaptive Cards: the suggestion form (inputs and one <c>Action.Submit</c>, errors shown above
/// their fields), a suggestion for review (Approve / Edit / Reject, or who decided), and the digest. Submitted words are
/// escaped as everywhere (<see cref="TeamsText.Escape"/>: markdown, HTML and <c>${…}</c> expressions inert), input values
/// prefilled as typed with template expressions kept from running (<see cref="TeamsText.InputValue"/>).
/// </summary>
internal static class AdaptiveCurationCards
{
    /// <summary>Where the form's Submit data carries the suggestion a curator is editing.</summary>
    public const string SuggestionKey = "suggestion";

    /// <summary>Where the form's Submit data carries the approved workspace term a curator is editing.</summary>
    public const string TermKey = "term";

    public static (List<JsonObject> Body, List<JsonObject> Actions) Form(Reply.SuggestForm form)
    {
        var body = new List<JsonObject>
        {
            Text(form.Title, "Medium", "Bolder"),
        };
        void Field(DraftField field, string label, string value, int maxLength, bool multiline = false, string? placeholder = null)
        {
            if (form.ErrorList.TryGetValue(field, out var error))
                body.Add(Text(TeamsText.Escape(error), color: "Attention", size: "Small"));
            var input = new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = InputId(field),
                ["label"] = label,
                ["value"] = TeamsText.InputValue(value),
                ["maxLength"] = maxLength,
                ["isMultiline"] = multiline,
            };
            if (placeholder is not null)
                input["placeholder"] = placeholder;
            body.Add(input);
        }
        Field(DraftField.Name, "Term", form.Draft.Name, RequestParser.MaxNameLength);
        Field(DraftField.Aliases, "Other names and acronyms (separated by commas)", string.Join(", ", form.Draft.Aliases), 1000);
        Field(DraftField.Definition, $"Definition ({DraftCheck.MinDefinition}–{DraftCheck.MaxDefinition} characters, plain text)", form.Draft.Definition,
            DraftCheck.MaxDefinition, multiline: true);
        Field(DraftField.Source, "Source link (https, optional)", form.Draft.SourceUrl ?? "", DraftCheck.MaxSourceLength, placeholder: "https://…");
        Field(DraftField.Related, "Related terms (their ids, separated by commas, optional)", string.Join(", ", form.Draft.Related), 500);
        var data = new JsonObject { [TeamsActions.Key] = TeamsActions.SubmitSuggestion };
        if (form.SuggestionId is { } id)
            data[SuggestionKey] = id;
        if (form.TermSlug is { } slug)
            data[TermKey] = slug;
        return (body, [new JsonObject { ["type"] = "Action.Submit", ["title"] = form.SubmitLabel, ["data"] = data }]);
    }

    public static (List<JsonObject> Body, List<JsonObject> Actions) Review(Reply.Review review)
    {
        var s = review.Suggestion;
        var facts = new JsonArray { Fact("Suggested by", s.SuggestedBy) };
        if (s.Draft.Aliases.Count > 0)
            facts.Add(Fact("Also called", string.Join(", ", s.Draft.Aliases)));
        if (review.Related.Count > 0)
            facts.Add(Fact("Related", string.Join(", ", review.Related.Select(r => r.Name))));
        var body = new List<JsonObject>
        {
            Text(s.State == SuggestionState.Pending ? "New suggestion for this workspace's glossary" : "Suggestion", "Small", "Bolder", color: "Accent"),
            Text(TeamsText.Escape(s.Draft.Name), "Large", "Bolder"),
            Text(TeamsText.Escape(s.Draft.Definition)),
            new() { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (s.Draft.SourceUrl is { } source)
            body.Add(Text("Source: " + TeamsText.Link("source", source), "Small"));
        if (s.State != SuggestionState.Pending)
        {
            var verb = s.State == SuggestionState.Approved ? "Approved" : "Rejected";
            body.Add(Text(TeamsText.Escape($"{verb} by {s.DecidedBy} on {s.DecidedAt?.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"), "Small",
                color: s.State == SuggestionState.Approved ? "Good" : "Attention"));
            return (body, []);
        }
        return (body,
        [
            Submit("Approve", ActionIds.Approve, s.Id, "positive"),
            Submit("Edit", ActionIds.Edit, s.Id),
            Submit("Reject", ActionIds.Reject, s.Id, "destructive"),
        ]);
    }

    public static List<JsonObject> Digest(Reply.Digest digest)
    {
        var body = new List<JsonObject> { Text("What went unanswered", "Medium", "Bolder") };
        if (digest.Questions.Count == 0)
            body.Add(Text("No unanswered questions lately."));
        foreach (var question in digest.Questions)
        {
            var times = question.Count == 1 ? "once" : $"{question.Count} times";
            body.Add(Text(TeamsText.Escape($"“{question.Text}”, asked {times}")));
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(Submit("Add definition", ActionIds.AddDefinition, question.Text)) });
        }
        if (digest.LeastHelpful.Count > 0)
        {
            body.Add(Text("Least helpful answers", "Small", "Bolder"));
            foreach (var (term, rating) in digest.LeastHelpful)
                body.Add(Text(TeamsText.Escape($"{term.Name}: {rating.NotHelpful} not helpful, {rating.Helpful} helpful"), "Small"));
        }
        return body;
    }

    /// <summary>An <c>Action.Submit</c> for a living-glossary action with one value.</summary>
    public static JsonObject Submit(string title, string actionId, string value, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = TeamsActions.LivingData(actionId, value) };
        if (style is not null)
            action["style"] = style;
        return action;
    }

    /// <summary>The id of a form field's input, which is also its key in the submitted value.</summary>
    public static string InputId(DraftField field) => field.ToString().ToLowerInvariant();

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = TeamsText.Escape(value) };

    private static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        return block;
    }
}
