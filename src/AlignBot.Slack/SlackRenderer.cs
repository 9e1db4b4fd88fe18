using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Slack;

/// <summary>
/// Renders a <see cref="Reply"/> as a Block Kit message (<c>text</c> fallback + <c>blocks</c>) within Slack's
/// limits. Everything that reaches mrkdwn is escaped; user words are echoed only through <see cref="SlackText.Escape"/>.
/// </summary>
public sealed class SlackRenderer(string? publicBaseUrl = null)
{
    private readonly string? _publicBaseUrl = string.IsNullOrWhiteSpace(publicBaseUrl) ? null : publicBaseUrl.TrimEnd('/');

    /// <summary>A private answer: ephemeral, with Share in channel where the reply can be shared.</summary>
    public JsonObject Private(Reply reply) => Render(reply, SlackCard.Private);

    /// <summary>A public answer (mentions, DMs, shared cards): no Share button.</summary>
    public JsonObject Public(Reply reply) => Render(reply, SlackCard.Public);

    /// <summary>An answer in an HTTP response or to a response_url: drawn as <paramref name="card"/>, placed as <paramref name="placement"/>.</summary>
    internal JsonObject Respond(Reply reply, SlackCard card, SlackPlacement placement) => placement.Apply(Render(reply, card));

    private static string Mention(ChatUser user) => UserMention(user.Id);

    internal JsonObject Render(Reply reply, SlackCard card) => reply switch
    {
        Reply.TermCard term => TermCard(term, card),
        Reply.Comparison pair => Comparison(pair, card),
        Reply.SearchResults list => SearchResults(list, card),
        Reply.RelatedTerms related => RelatedTerms(related),
        Reply.NotFound miss => NotFound(miss),
        Reply.Help help => Help(help),
        Reply.Greeting greeting => Greeting(greeting),
        Reply.Notice notice => Message(notice.Format(text => text, Mention), [BlockKit.Section(notice.Format(SlackText.Escape, Mention))]),
        Reply.SuggestForm form => SlackCurationBlocks.SuggestPrompt(form),
        Reply.Review review => SlackCurationBlocks.Review(review),
        Reply.Digest digest => SlackCurationBlocks.Digest(digest),
        _ => Message("Sorry, I can't show that here.", [BlockKit.Section("Sorry, I can't show that here.")]),
    };

    private JsonObject TermCard(Reply.TermCard reply, SlackCard card)
    {
        var term = reply.Term;
        var blocks = new List<JsonObject>();
        if (reply.Heading is { } heading)
            blocks.Add(BlockKit.Context($":calendar: *{SlackText.Escape(heading)}*"));
        if (reply.IsGuess)
            blocks.Add(BlockKit.Section($"Did you mean *{SlackText.Escape(term.Name)}*?"));
        blocks.Add(BlockKit.Header(term.Name));
        if (reply.CorrectedFrom is { } typed)
            blocks.Add(BlockKit.Context($"Showing results for *{SlackText.Escape(term.Name)}* (you typed “{SlackText.Escape(typed)}”)"));
        blocks.Add(BlockKit.Section(SlackText.Escape(term.Summary)));
        if (reply.SensesInOrder.Count > 0)
            blocks.Add(BlockKit.Section(SlackText.Truncate("*Senses*\n" + string.Join('\n', reply.SensesInOrder.Select(Sense)), BlockKit.MaxSectionText)));
        if (card.Expanded)
            blocks.AddRange(SlackText.Chunks(SlackText.FromMarkdown(term.Body), BlockKit.MaxSectionText).Take(6).Select(c => BlockKit.Section(c)));
        blocks.Add(BlockKit.Context(reply.Origin is { } origin ? WorkspaceFooter(term, origin, card.SharedBy) : Footer(term, card.SharedBy)));
        if (reply.Related.Count > 0)
            blocks.Add(BlockKit.Actions("related", reply.Related.Take(6).Select(r => RelatedButton(r))));
        if (reply.Alternatives is { Count: > 0 } others)
        {
            blocks.Add(BlockKit.Context("Or did you mean:"));
            blocks.Add(BlockKit.Actions("alternatives", others.Take(3).Select(r => RelatedButton(r))));
        }

        var controls = new List<JsonObject>();
        if (!card.Expanded && term.Body.Length > 0)   // a workspace term is its definition alone
            controls.Add(BlockKit.Button("Read more", SlackActions.ReadMore, term.Slug));
        if (reply.Origin is null && PageUrl(term.Slug) is { } page)   // a workspace term has no public page
            controls.Add(BlockKit.LinkButton("Open glossary page", SlackActions.OpenPage, page));
        if (card.Shareable)
            controls.Add(BlockKit.Button("Share in channel", SlackActions.Share, SlackReplyKey.Of(reply)!, "primary"));
        controls.Add(BlockKit.Button("Helpful", ActionIds.Helpful, term.Slug));
        controls.Add(BlockKit.Button("Not helpful", ActionIds.NotHelpful, term.Slug));
        if (reply.Origin is not null)   // shown to everyone; only a curator's click opens the form
            controls.Add(BlockKit.Button("Edit", ActionIds.EditTerm, term.Slug));
        blocks.Add(BlockKit.Actions("card", controls));
        return Message((reply.IsGuess ? $"Did you mean {term.Name}? " : "") + $"{term.Name}: {term.Summary}", blocks);
    }

    private static JsonObject Comparison(Reply.Comparison pair, SlackCard card)
    {
        var terms = pair.Terms;
        var blocks = new List<JsonObject>
        {
            BlockKit.Header(pair.Title),
            BlockKit.Fields([.. terms.Select(t => $"*{SlackText.Escape(t.Name)}*\n{SlackText.Escape(t.Summary)}")]),
            BlockKit.Context(string.Join(" · ", terms.Select(t => SlackText.Escape(Categories.Label(t.Category)))) + SharedLine(card.SharedBy)),
        };
        var buttons = terms.Select(t => TermButton(t, "Read about " + t.Name)).ToList();
        if (card.Shareable)
            buttons.Add(BlockKit.Button("Share in channel", SlackActions.Share, SlackReplyKey.Of(pair)!, "primary"));
        blocks.Add(BlockKit.Actions("compare", buttons));
        return Message($"{pair.Title}: " + string.Join(" / ", terms.Select(t => t.Summary)), blocks);
    }

    private static JsonObject SearchResults(Reply.SearchResults list, SlackCard card)
    {
        var blocks = new List<JsonObject> { BlockKit.Header($"Terms matching “{list.Query}”") };
        foreach (var item in list.Items.Take(10))
        {
            blocks.Add(BlockKit.Section($"*{SlackText.Escape(item.Name)}*\n{SlackText.Escape(SlackText.Truncate(item.Summary, 300))}",
                BlockKit.Button("Show", $"{ActionIds.ShowTerm}:{item.Slug}", item.Slug)));
        }
        if (card.Shareable && SlackReplyKey.Of(list) is { Length: <= BlockKit.MaxButtonValue } key)
            blocks.Add(BlockKit.Actions("card", [BlockKit.Button("Share in channel", SlackActions.Share, key, "primary")]));
        if (card.SharedBy is not null)
            blocks.Add(BlockKit.Context(SharedLine(card.SharedBy).TrimStart(' ', '·')));
        return Message($"{list.Items.Count} terms match “{list.Query}”: " + string.Join(", ", list.Items.Select(i => i.Name)), blocks);
    }

    private static JsonObject RelatedTerms(Reply.RelatedTerms related)
    {
        var blocks = new List<JsonObject> { BlockKit.Section($"Terms related to *{SlackText.Escape(related.Of.Name)}*:") };
        if (related.Items.Count > 0)
            blocks.Add(BlockKit.Actions("related", related.Items.Take(25).Select(r => RelatedButton(r))));
        return Message($"Related to {related.Of.Name}: " + string.Join(", ", related.Items.Select(i => i.Name)), blocks);
    }

    private static JsonObject NotFound(Reply.NotFound miss)
    {
        var query = SlackText.Escape(miss.Query);
        var blocks = new List<JsonObject> { BlockKit.Section($"No definition found for “{query}”.") };
        if (miss.DidYouMean.Count > 0)
        {
            blocks.Add(BlockKit.Section("Did you mean:"));
            blocks.Add(BlockKit.Actions("suggestions", miss.DidYouMean.Take(3).Select(r => RelatedButton(r))));
        }
        blocks.Add(BlockKit.Actions("suggest", [BlockKit.Button("Suggest this term", ActionIds.Suggest, miss.Query)]));
        blocks.Add(BlockKit.Context("Try `/align search <words>`, or `/align help` to browse terms."));
        var fallback = $"No definition found for “{miss.Query}”."
            + (miss.DidYouMean.Count > 0 ? " Did you mean " + string.Join(", ", miss.DidYouMean.Select(d => d.Name)) + "?" : "");
        return Message(fallback, blocks);
    }

    private static JsonObject Help(Reply.Help help)
    {
        var lines = string.Join('\n', help.Commands.Select(c => $"`/align {SlackText.Escape(c.Usage)}`  {SlackText.Escape(c.Description)}"));
        var blocks = new List<JsonObject>
        {
            BlockKit.Section($"*AlignBot* explains {help.TermCount} AI-alignment terms. Mention me, DM me or use `/align`:\n{lines}"),
            BlockKit.Section("Browse the glossary:", BlockKit.ExternalSelect(SlackActions.PickTerm, "Type a term…", 1)),
        };
        if (help.Examples.Count > 0)
            blocks.Add(BlockKit.Actions("examples", help.Examples.Take(5).Select(e => RelatedButton(e))));
        return Message($"AlignBot explains {help.TermCount} AI-alignment terms. Try /align define sycophancy.", blocks);
    }

    private static JsonObject Greeting(Reply.Greeting greeting)
    {
        var blocks = new List<JsonObject> { BlockKit.Section(SlackText.Escape(greeting.Text)) };
        if (greeting.Examples.Count > 0)
            blocks.Add(BlockKit.Actions("examples", greeting.Examples.Take(5).Select(e => RelatedButton(e))));
        return Message(greeting.Text, blocks);
    }

    private static string Sense(TermSense sense) =>
        $"• *{SlackText.Escape(sense.Name)}*: {SlackText.Escape(sense.Summary)} ({SlackText.Link(sense.Sources[0].Url, "source")})";

    private static string Footer(Term term, string? sharedBy)
    {
        var sources = string.Join(", ", term.Sources.Take(3).Select(s => SlackText.Link(s.Url, SlackText.Truncate(s.Title, 120))));
        var reviewed = Provenance.ReviewedLabel(term) is { } label ? " · " + label : "";
        return SlackText.Truncate($"{SlackText.Escape(Categories.Label(term.Category))}{reviewed} · Sources: {sources}", 2900) + SharedLine(sharedBy);
    }

    private static string WorkspaceFooter(Term term, WorkspaceTerm origin, string? sharedBy)
    {
        var source = term.Sources.Count > 0 ? " · " + SlackText.Link(term.Sources[0].Url, "source") : "";
        return OriginLine.Format(origin, UserMention, SlackText.Escape) + source + SharedLine(sharedBy);
    }

    private static string SharedLine(string? sharedBy) => sharedBy is null ? "" : " · Shared by " + UserMention(sharedBy);

    /// <summary>A mention of a user id, kept to letters and digits so no id can close the mention or open another.</summary>
    internal static string UserMention(string userId) => $"<@{new string(userId.Where(char.IsLetterOrDigit).ToArray())}>";

    private static JsonObject RelatedButton(TermRef term) => BlockKit.Button(term.Name, $"{ActionIds.ShowTerm}:{term.Slug}", term.Slug);

    private static JsonObject TermButton(Term term, string label) => BlockKit.Button(label, $"{ActionIds.ShowTerm}:{term.Slug}", term.Slug);

    private string? PageUrl(string slug) => _publicBaseUrl is null ? null : $"{_publicBaseUrl}/terms/{Uri.EscapeDataString(slug)}";

    internal static JsonObject Message(string text, List<JsonObject> blocks) => new()
    {
        ["text"] = SlackText.Escape(SlackText.Truncate(text, 3000)),   // the notification fallback is mrkdwn too
        ["blocks"] = new JsonArray([.. blocks.Take(50)]),
    };
}
