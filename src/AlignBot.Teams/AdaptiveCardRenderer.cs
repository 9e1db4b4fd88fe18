using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Glossary;

namespace AlignBot.Teams;

/// <summary>
/// Renders a <see cref="Reply"/> as an Adaptive Card (schema 1.5, what Teams supports for bot cards). Related terms
/// are <c>Action.Submit</c> buttons (and search results <c>selectAction</c>s) carrying <see cref="TeamsActions"/> data
/// the router understands; the body opens with "Read more" (<c>Action.ShowCard</c>). Words a user typed are escaped
/// before they reach the card's markdown, and so is corpus text (only its **bold** and http(s) links stay markdown).
/// </summary>
public sealed class AdaptiveCardRenderer(string? publicBaseUrl = null)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    private readonly string? _publicBaseUrl = string.IsNullOrWhiteSpace(publicBaseUrl) ? null : publicBaseUrl.TrimEnd('/');

    public JsonObject Render(Reply reply) => reply switch
    {
        Reply.TermCard term => TermCard(term),
        Reply.Comparison pair => Comparison(pair),
        Reply.SearchResults list => SearchResults(list),
        Reply.RelatedTerms related => Card([Text($"Terms related to **{Escape(related.Of.Name)}**:"), .. Buttons(related.Items.Take(10))]),
        Reply.NotFound miss => NotFound(miss),
        Reply.Help help => Help(help, "AlignBot explains {0} AI-alignment terms. Ask in your own words, or:"),
        Reply.Notice notice => Card([Text(notice.Format(Escape, user => Escape(Person(user))))], fallback: notice.Format(text => text, Person)),
        Reply.Greeting greeting => Card([Text(Escape(greeting.Text)), .. Buttons(greeting.Examples.Take(5))], fallback: greeting.Text),
        Reply.SuggestForm form => AdaptiveCurationCards.Form(form) is var (formBody, formActions)
            ? Card(formBody, formActions, fallback: "Suggest a term")
            : Card([]),
        Reply.Review review => AdaptiveCurationCards.Review(review) is var (reviewBody, reviewActions)
            ? Card(reviewBody, reviewActions, fallback: "Suggestion: " + review.Suggestion.Draft.Name)
            : Card([]),
        Reply.Digest digest => Card(AdaptiveCurationCards.Digest(digest), fallback: "What went unanswered"),
        _ => Card([Text("Sorry, I can't show that here.")]),
    };

    /// <summary>The card posted when the bot is added to a team or chat.</summary>
    public static JsonObject Welcome(Reply.Help help) =>
        Help(help, "Hi, I'm AlignBot. I explain {0} AI-alignment terms: mention me with a question, e.g. \"what is sycophancy?\", or:");

    /// <summary>An attachment carrying a card, as activities and message-extension results hold it.</summary>
    public static JsonObject Attachment(JsonObject card) => new() { ["contentType"] = ContentType, ["content"] = card };

    private JsonObject TermCard(Reply.TermCard reply)
    {
        var term = reply.Term;
        var body = new List<JsonObject>();
        if (reply.IsGuess)
            body.Add(Text($"Did you mean **{Escape(term.Name)}**?"));
        if (reply.Heading is { } heading)
            body.Add(Text(Escape(heading), size: "Small", weight: "Bolder", color: "Accent"));
        body.AddRange(
        [
            Text(Escape(term.Name), size: "Large", weight: "Bolder"),
            Text(Escape(Categories.Label(term.Category)), subtle: true, spacing: "None"),
        ]);
        if (reply.CorrectedFrom is { } typed)
            body.Add(Text($"Showing results for **{Escape(term.Name)}** (you typed “{Escape(typed)}”)", subtle: true, size: "Small"));
        body.Add(Text(Escape(term.Summary)));
        if (reply.SensesInOrder.Count > 0)
        {
            body.Add(Text("Senses", weight: "Bolder", size: "Small"));
            body.AddRange(reply.SensesInOrder.Select(s => Text($"**{Escape(s.Name)}**: {Escape(s.Summary)} ({Link(s.Sources[0])})", spacing: "Small")));
        }
        if (term.Sources.Count > 0)
            body.Add(Text("Sources: " + string.Join(" · ", term.Sources.Take(3).Select(Link)), subtle: true, size: "Small"));
        if (Provenance.ReviewedLabel(term) is { } reviewed)
            body.Add(Text(reviewed, subtle: true, size: "Small", spacing: "None"));
        if (reply.Origin is { } origin)
            body.Add(Text(OriginLine.Format(origin, Escape, Escape), subtle: true, size: "Small", spacing: "None"));
        if (reply.Related.Count > 0)
        {
            body.Add(Text("Related terms", weight: "Bolder", size: "Small"));
            body.AddRange(Buttons(reply.Related.Take(10)));
        }
        if (reply.Alternatives is { Count: > 0 } others)
        {
            body.Add(Text("Or did you mean:", weight: "Bolder", size: "Small"));
            body.AddRange(Buttons(others.Take(3)));
        }
        var actions = new List<JsonObject>();
        if (term.Body.Length > 0)   // a workspace term is its definition alone
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.ShowCard",
                ["title"] = "Read more",
                ["card"] = Card([.. term.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Take(12).Select(p => Text(TeamsText.FromMarkdown(p).Replace('\n', ' ')))]),
            });
        }
        actions.Add(AdaptiveCurationCards.Submit("Helpful", ActionIds.Helpful, term.Slug));
        actions.Add(AdaptiveCurationCards.Submit("Not helpful", ActionIds.NotHelpful, term.Slug));
        if (reply.Origin is not null)   // shown to everyone; only a curator's click opens the form
            actions.Add(AdaptiveCurationCards.Submit("Edit", ActionIds.EditTerm, term.Slug));
        if (_publicBaseUrl is not null && reply.Origin is null)   // a workspace term has no public page
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open glossary page", ["url"] = $"{_publicBaseUrl}/terms/{Uri.EscapeDataString(term.Slug)}" });
        return Card(body, actions, fallback: $"{term.Name}: {term.Summary}");
    }

    private static JsonObject Comparison(Reply.Comparison pair)
    {
        JsonObject Column(Term t) => new()
        {
            ["type"] = "Column",
            ["width"] = "stretch",
            ["items"] = new JsonArray(Text(Escape(t.Name), weight: "Bolder"), Text(Escape(Categories.Label(t.Category)), subtle: true, spacing: "None", size: "Small"),
                Text(Escape(t.Summary))),
        };
        var body = new List<JsonObject>
        {
            Text(Escape(pair.Title), size: "Large", weight: "Bolder"),
            new() { ["type"] = "ColumnSet", ["columns"] = new JsonArray([.. pair.Terms.Select(t => (JsonNode)Column(t))]) },
        };
        body.AddRange(Buttons(pair.Terms.Select(TermRef.Of), "Read about "));
        return Card(body, fallback: pair.Title);
    }

    private static JsonObject SearchResults(Reply.SearchResults list)
    {
        var body = new List<JsonObject> { Text($"Terms matching “{Escape(list.Query)}”", size: "Medium", weight: "Bolder") };
        foreach (var item in list.Items.Take(10))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["selectAction"] = Submit(item, item.Name),
                ["items"] = new JsonArray(Text(Escape(item.Name), weight: "Bolder", color: "Accent"), Text(Escape(TeamsText.Truncate(item.Summary, 300)), size: "Small", spacing: "None")),
            });
        }
        return Card(body, fallback: $"{list.Items.Count} terms match");
    }

    private static JsonObject NotFound(Reply.NotFound miss)
    {
        var body = new List<JsonObject> { Text($"No definition found for “{Escape(miss.Query)}”.") };
        if (miss.DidYouMean.Count > 0)
        {
            body.Add(Text("Did you mean:", weight: "Bolder", size: "Small"));
            body.AddRange(Buttons(miss.DidYouMean.Take(3)));
        }
        body.Add(Text(TeamsText.Plain("Try “search <words>”, or “help” to see what I can do."), subtle: true, size: "Small"));
        return Card(body, [AdaptiveCurationCards.Submit("Suggest this term", ActionIds.Suggest, miss.Query)], fallback: "No definition found");
    }

    private static JsonObject Help(Reply.Help help, string intro)
    {
        var facts = new JsonArray([.. help.Commands.Select(c => (JsonNode)new JsonObject { ["title"] = c.Usage, ["value"] = c.Description })]);
        var body = new List<JsonObject>
        {
            Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, intro, help.TermCount)),
            new() { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (help.Examples.Count > 0)
        {
            body.Add(Text("Try one:", weight: "Bolder", size: "Small"));
            body.AddRange(Buttons(help.Examples.Take(5)));
        }
        return Card(body, fallback: "AlignBot help");
    }

    /// <summary>Rows of at most five Action.Submit buttons: the most an ActionSet may hold in Teams' host config.</summary>
    private static IEnumerable<JsonObject> Buttons(IEnumerable<TermRef> terms, string prefix = "") =>
        terms.Chunk(5).Select(row => new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray([.. row.Select(t => (JsonNode)Submit(t, prefix + t.Name))]),
        });

    private static JsonObject Submit(TermRef term, string title) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = TeamsText.Plain(TeamsText.Truncate(title, 60)),
        ["data"] = TeamsActions.ShowTermData(term.Slug),
    };

    private static string Link(TermSource source) => TeamsText.Link(TeamsText.Truncate(source.Title, 100), source.Url);

    private static string Escape(string text) => TeamsText.Escape(text);

    /// <summary>A person in a notice: the display name, else the id (a curator listed from the store has no name), never "someone".</summary>
    private static string Person(ChatUser user) => user.Name ?? user.Id;

    private static JsonObject Text(string text, string? size = null, string? weight = null, bool subtle = false, string? spacing = null, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        if (color is not null) block["color"] = color;
        return block;
    }

    private static JsonObject Card(IEnumerable<JsonObject> body, IEnumerable<JsonObject>? actions = null, string? fallback = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        if (actions?.ToList() is { Count: > 0 } list)
            card["actions"] = new JsonArray([.. list]);
        if (fallback is not null)
            card["fallbackText"] = Escape(TeamsText.Truncate(fallback, 500));   // the schema says it may hold markdown
        return card;
    }
}
