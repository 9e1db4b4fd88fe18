using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Glossary;

namespace AlignBot.Playground;

/// <summary>A <see cref="Reply"/> as the playground page draws it: plain data, no markup (the page uses textContent).</summary>
public static class ReplyView
{
    public static object Of(Reply reply) => reply switch
    {
        Reply.TermCard card => new { kind = "term", term = Term(card.Term), related = card.Related.Select(Ref), correctedFrom = card.CorrectedFrom, heading = card.Heading,
            alternatives = card.Alternatives?.Select(Ref), origin = card.Origin is { } origin ? OriginLine.Plain(origin) : null },
        Reply.Notice notice => new { kind = "notice", text = notice.ToString() },
        Reply.Comparison pair => new { kind = "comparison", title = pair.Title, terms = pair.Terms.Select(Term) },
        Reply.Greeting greeting => new { kind = "greeting", text = greeting.Text, examples = greeting.Examples.Select(Ref) },
        Reply.SearchResults list => new { kind = "search", query = list.Query, items = list.Items.Select(Ref) },
        Reply.RelatedTerms related => new { kind = "related", of = Ref(related.Of), items = related.Items.Select(Ref) },
        Reply.NotFound miss => new { kind = "notFound", query = miss.Query, didYouMean = miss.DidYouMean.Select(Ref) },
        Reply.Help help => new { kind = "help", termCount = help.TermCount, commands = help.Commands.Select(c => new { usage = c.Usage, description = c.Description }), examples = help.Examples.Select(Ref) },
        Reply.SuggestForm form => new { kind = "suggestForm", suggestionId = form.SuggestionId, termSlug = form.TermSlug, title = form.Title,
            submit = form.SubmitLabel, name = form.Draft.Name, aliases = string.Join(", ", form.Draft.Aliases),
            definition = form.Draft.Definition, source = form.Draft.SourceUrl, related = form.Draft.Related,
            errors = form.ErrorList.ToDictionary(e => e.Key.ToString().ToLowerInvariant(), e => e.Value) },
        Reply.Review review => new { kind = "review", id = review.Suggestion.Id, name = review.Suggestion.Draft.Name, definition = review.Suggestion.Draft.Definition,
            aliases = review.Suggestion.Draft.Aliases, source = review.Suggestion.Draft.SourceUrl, related = review.Related.Select(Ref),
            state = review.Suggestion.State.ToString().ToLowerInvariant(), decidedBy = review.Suggestion.DecidedBy },
        Reply.Digest digest => new { kind = "digest", questions = digest.Questions.Select(q => new { text = q.Text, count = q.Count }),
            leastHelpful = digest.LeastHelpful.Select(t => new { term = Ref(t.Term), helpful = t.Rating.Helpful, notHelpful = t.Rating.NotHelpful }) },
        _ => new { kind = "unknown" },
    };

    private static object Term(Term t) => new
    {
        slug = t.Slug,
        name = t.Name,
        category = Categories.Label(t.Category),
        summary = t.Summary,
        body = t.Body,
        sources = t.Sources.Select(s => new { title = s.Title, url = s.Url }),
        page = "/terms/" + Uri.EscapeDataString(t.Slug),
    };

    private static object Ref(TermRef t) => new { slug = t.Slug, name = t.Name, summary = t.Summary };
}
