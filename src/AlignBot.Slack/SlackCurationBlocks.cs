using System.Globalization;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;

namespace AlignBot.Slack;

/// <summary>
/// The living glossary's messages in Block Kit: the prompt that opens the suggestion form, a suggestion for review
/// (pending with Approve / Edit / Reject, or decided), and the digest of unanswered questions. Every word a person
/// submitted goes through <see cref="SlackText.Escape"/>; people are written as mentions of their ids only.
/// </summary>
internal static class SlackCurationBlocks
{
    /// <summary>Where a modal cannot open at once (a mention, a DM): a button that opens it, since a click carries a trigger.</summary>
    public static JsonObject SuggestPrompt(Reply.SuggestForm form) => SlackRenderer.Message($"Suggest “{form.Draft.Name}” for this workspace's glossary.",
    [
        BlockKit.Section($"Suggest *{SlackText.Escape(form.Draft.Name)}* for this workspace's glossary: a curator reviews it first."),
        BlockKit.Actions("suggest", [BlockKit.Button("Open the form", ActionIds.Suggest, form.Draft.Name, "primary")]),
    ]);

    public static JsonObject Review(Reply.Review review)
    {
        var s = review.Suggestion;
        var draft = s.Draft;
        var lines = new List<string> { $"*{SlackText.Escape(draft.Name)}*", SlackText.Escape(draft.Definition) };
        if (draft.Aliases.Count > 0)
            lines.Add("Also called: " + SlackText.Escape(string.Join(", ", draft.Aliases)));
        if (draft.SourceUrl is { } source)
            lines.Add("Source: " + SlackText.Link(source, SlackText.Truncate(source, 120)));
        if (review.Related.Count > 0)
            lines.Add("Related: " + SlackText.Escape(string.Join(", ", review.Related.Select(r => r.Name))));
        var blocks = new List<JsonObject>
        {
            BlockKit.Context($"Suggested by {SlackRenderer.UserMention(s.SuggestedBy)} for this workspace's glossary"),
            BlockKit.Section(string.Join('\n', lines)),
        };
        if (s.State == SuggestionState.Pending)
        {
            blocks.Add(ReviewButtons(s, "review"));
        }
        else
        {
            var verb = s.State == SuggestionState.Approved ? ":white_check_mark: Approved" : ":x: Rejected";
            blocks.Add(BlockKit.Context($"{verb} by {SlackRenderer.UserMention(s.DecidedBy ?? "")} on {s.DecidedAt?.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"));
        }
        var fallback = s.State == SuggestionState.Pending ? $"New suggestion: {draft.Name}" : $"Suggestion {draft.Name}: {s.State.ToString().ToLowerInvariant()}";
        return SlackRenderer.Message(fallback, blocks);
    }

    /// <summary>A pending suggestion's Approve, Edit and Reject, in an actions block with <paramref name="blockId"/> (unique in its message or view).</summary>
    public static JsonObject ReviewButtons(Suggestion suggestion, string blockId) => BlockKit.Actions(blockId, [
        BlockKit.Button("Approve", ActionIds.Approve, suggestion.Id, "primary"),
        BlockKit.Button("Edit", ActionIds.Edit, suggestion.Id),
        BlockKit.Button("Reject", ActionIds.Reject, suggestion.Id, "danger"),
    ]);

    /// <summary>One unanswered question, how often it was asked, and Add definition (the form prefilled with it); <paramref name="index"/> keeps action ids apart.</summary>
    public static JsonObject UnansweredQuestion(UnansweredQuestion question, int index)
    {
        var times = question.Count == 1 ? "once" : $"{question.Count} times";
        return BlockKit.Section($"“{SlackText.Escape(question.Text)}”, asked {times}",
            BlockKit.Button("Add definition", $"{ActionIds.AddDefinition}:{index}", question.Text));
    }

    public static JsonObject Digest(Reply.Digest digest)
    {
        var blocks = new List<JsonObject> { BlockKit.Header("What went unanswered") };
        if (digest.Questions.Count == 0)
            blocks.Add(BlockKit.Section("No unanswered questions lately."));
        blocks.AddRange(digest.Questions.Select(UnansweredQuestion));
        if (digest.LeastHelpful.Count > 0)
        {
            blocks.Add(BlockKit.Section("*Least helpful answers*"));
            foreach (var (term, rating) in digest.LeastHelpful)
            {
                blocks.Add(BlockKit.Section($"*{SlackText.Escape(term.Name)}*: {rating.NotHelpful} not helpful, {rating.Helpful} helpful",
                    BlockKit.Button("Show", $"{ActionIds.ShowTerm}:{term.Slug}", term.Slug)));
            }
        }
        return SlackRenderer.Message($"{digest.Questions.Count} unanswered questions, {digest.LeastHelpful.Count} terms rated not helpful", blocks);
    }
}
