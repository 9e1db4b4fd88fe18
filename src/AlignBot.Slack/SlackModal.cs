using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;

namespace AlignBot.Slack;

/// <summary>
/// The suggestion form as a Slack modal (<c>views.open</c>), and its submission (<c>view_submission</c>) read back into
/// the form's fields. Each field is an input block whose block id is the <see cref="DraftField"/>, so field errors go back
/// under the same ids (<c>response_action: errors</c>). Related terms are an external select served by /slack/options.
/// </summary>
internal static class SlackModal
{
    public const string CallbackId = "alignbot.suggest_form";
    private const string Input = "value";

    /// <summary>
    /// The modal for <paramref name="form"/>. Its private metadata carries, one a line, the suggestion being edited, the
    /// response_url of the review message the Edit button was on (Slack keeps it and sends it back on submission; never
    /// logged; only for a suggestion) and the workspace term being edited.
    /// </summary>
    public static JsonObject Suggest(Reply.SuggestForm form, IReadOnlyList<TermRef> related, Uri? reviewUrl) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["private_metadata"] = form.SuggestionId is null && form.TermSlug is null ? "" : $"{form.SuggestionId}\n{(form.SuggestionId is null ? null : reviewUrl)}\n{form.TermSlug}",
        ["title"] = BlockKit.Plain(form.TermSlug is not null ? "Edit term" : form.SuggestionId is null ? "Suggest a term" : "Edit and approve", 24),
        ["submit"] = BlockKit.Plain(form.SubmitLabel, 24),
        ["close"] = BlockKit.Plain("Cancel", 24),
        ["blocks"] = new JsonArray(
            Field(DraftField.Name, "Term", TextInput(form.Draft.Name, RequestParser.MaxNameLength)),
            Field(DraftField.Aliases, "Other names and acronyms", TextInput(string.Join(", ", form.Draft.Aliases), 1000, "Separated by commas"), optional: true),
            Field(DraftField.Definition, "Definition", TextInput(form.Draft.Definition, DraftCheck.MaxDefinition, $"Plain text, {DraftCheck.MinDefinition}–{DraftCheck.MaxDefinition} characters", multiline: true)),
            Field(DraftField.Source, "Source link", TextInput(form.Draft.SourceUrl ?? "", DraftCheck.MaxSourceLength, "https://…"), optional: true),
            Field(DraftField.Related, "Related terms", RelatedSelect(related), optional: true)),
    };

    /// <summary>The answer to a submission with field errors: Slack shows each under its field and keeps the modal open.</summary>
    public static JsonObject Errors(IReadOnlyDictionary<DraftField, string> errors) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject(errors.Select(e => KeyValuePair.Create(BlockId(e.Key), (JsonNode?)JsonValue.Create(e.Value)))),
    };

    /// <summary>
    /// The answer to a submission that was carried out but whose messages could not be queued (the host is stopping or
    /// overloaded): the modal turns into a note of what happened (<c>response_action: update</c>) instead of closing, so
    /// whoever submitted is not left wondering whether it went through.
    /// </summary>
    public static JsonObject Outcome(CurationChange change, string name)
    {
        var term = $"*{SlackText.Escape(name)}*";
        var text = change switch
        {
            CurationChange.Suggested => $"{term} is saved and waits for review (it is in the app's Home tab, and “review here” posts it); "
                + "the curators could not be told just now.",
            CurationChange.Decided => $"Your decision on {term} is saved; whoever suggested it could not be told just now.",
            CurationChange.TermEdited => $"{term} is saved; it answers with the new text in this workspace within a minute.",
            CurationChange.Refused refused => refused.Note.Format(SlackText.Escape, user => SlackRenderer.UserMention(user.Id)),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        return new JsonObject
        {
            ["response_action"] = "update",
            ["view"] = new JsonObject
            {
                ["type"] = "modal",
                ["title"] = BlockKit.Plain(change is CurationChange.Refused ? "Not saved" : "Saved", 24),
                ["close"] = BlockKit.Plain("Close", 24),
                ["blocks"] = new JsonArray(BlockKit.Section(text)),
            },
        };
    }

    /// <summary>The fields of a submitted view (<c>view.state.values</c>); missing fields are empty.</summary>
    public static DraftInput Read(JsonElement view)
    {
        string? Text(DraftField field) => view.Str("state", "values", BlockId(field), Input, "value");
        var related = view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var values)
            && values.TryGetProperty(BlockId(DraftField.Related), out var block) && block.TryGetProperty(Input, out var select)
            && select.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array
                ? options.EnumerateArray().Select(o => o.Str("value")).OfType<string>().Take(20).ToList()
                : [];
        return new DraftInput(Text(DraftField.Name), Text(DraftField.Aliases), Text(DraftField.Definition), Text(DraftField.Source), related);
    }

    /// <summary>The suggestion being edited, its review message's response_url and the workspace term being edited, from the view's private metadata.</summary>
    public static (string? SuggestionId, string? ReviewUrl, string? TermSlug) Metadata(JsonElement view)
    {
        var parts = (view.Str("private_metadata") ?? "").Split('\n', 3);
        string? Part(int i) => parts.Length > i && parts[i].Length > 0 ? parts[i] : null;
        return (Part(0), Part(1), Part(2));
    }

    public static string BlockId(DraftField field) => field.ToString().ToLowerInvariant();

    private static JsonObject Field(DraftField field, string label, JsonObject element, bool optional = false) => new()
    {
        ["type"] = "input",
        ["block_id"] = BlockId(field),
        ["label"] = BlockKit.Plain(label, 2000),
        ["element"] = element,
        ["optional"] = optional,
    };

    private static JsonObject TextInput(string initial, int maxLength, string? placeholder = null, bool multiline = false)
    {
        var input = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = Input, ["max_length"] = maxLength, ["multiline"] = multiline };
        if (initial.Length > 0)
            input["initial_value"] = initial.Length <= maxLength ? initial : initial[..maxLength];
        if (placeholder is not null)
            input["placeholder"] = BlockKit.Plain(placeholder, 150);
        return input;
    }

    private static JsonObject RelatedSelect(IReadOnlyList<TermRef> related)
    {
        var select = new JsonObject
        {
            ["type"] = "multi_external_select",
            ["action_id"] = Input,
            ["placeholder"] = BlockKit.Plain("Type a term…", 150),
            ["min_query_length"] = 1,
            ["max_selected_items"] = 10,
        };
        if (related.Count > 0)
            select["initial_options"] = new JsonArray([.. related.Take(10).Select(r => (JsonNode)BlockKit.Option(r.Name, r.Slug))]);
        return select;
    }
}
