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
