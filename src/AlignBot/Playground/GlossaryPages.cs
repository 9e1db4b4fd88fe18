using System.Text;
using AlignBot.Glossary;

namespace AlignBot.Playground;

/// <summary>
/// <c>/terms</c>: every term by category and A–Z within it, with jump links and a filter box; <c>/terms/{slug}</c>: one
/// term with its related terms and sources. Rendered on the server, every corpus string HTML-encoded; the cards' "Read more" links here.
/// </summary>
public static class GlossaryPages
{
    public static WebApplication MapGlossaryPages(this WebApplication app)
    {
        var playground = app.IsEnabled();
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/terms", getOrHead, (TermGlossary glossary) => new HtmlResult(Index(glossary, playground)));
        app.MapMethods("/terms/{slug}", getOrHead, IResult (string slug, TermGlossary glossary) => glossary.Find(slug) switch
        {
            { } term => new HtmlResult(TermPage(term, glossary, playground)),
            // Slugs are lower case; /terms/RLHF is the same page under its one address.
            null when glossary.Terms.FirstOrDefault(t => t.Slug.Equals(slug, StringComparison.OrdinalIgnoreCase)) is { } term =>
                TypedResults.Redirect("/terms/" + Uri.EscapeDataString(term.Slug), permanent: true),
            null => new HtmlResult(NotFoundPage(slug, glossary, playground), StatusCodes.Status404NotFound),
        });
        return app;
    }

    /// <summary>Every term once, by category (with jump links to each) and A–Z within it; terms.js filters them.</summary>
    private static string Index(TermGlossary glossary, bool playground)
    {
        var categories = glossary.Terms.GroupBy(t => t.Category).OrderBy(g => Categories.All.ToList().IndexOf(g.Key)).ToList();
        var html = new StringBuilder();
        html.Append($"<h1>AI-alignment glossary</h1><p class=\"lead\">{glossary.Count} terms, each with a short definition, an example and sources.</p>");
        html.Append("<label class=\"filter\" for=\"filter\">Filter terms</label><input id=\"filter\" type=\"search\" placeholder=\"e.g. reward, RLHF, oversight\" autocomplete=\"off\">");
        html.Append("<p id=\"filter-status\" class=\"muted\" role=\"status\"></p>");
        html.Append("<nav class=\"jump\" aria-label=\"Categories\"><ul>");
        foreach (var group in categories)
            html.Append($"<li><a href=\"#{HtmlPage.Encode(group.Key)}\">{HtmlPage.Encode(Categories.Label(group.Key))}</a></li>");
        html.Append("</ul></nav>");
        foreach (var group in categories)
        {
            var id = HtmlPage.Encode(group.Key);
            html.Append($"<section class=\"category\" aria-labelledby=\"{id}\">")
                .Append($"<h2 id=\"{id}\">{HtmlPage.Encode(Categories.Label(group.Key))}</h2><ul class=\"terms\">");
            foreach (var term in group.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
                html.Append(Item(term));
            html.Append("</ul></section>");
        }
        var description = $"{glossary.Count} AI-alignment terms by category, each with a short definition, an example and sources.";
        return HtmlPage.Frame("AI-alignment glossary · AlignBot", description, html.ToString(), WebPageSection.GlossaryIndex, "terms.js", playground);
    }

    private static string Item(Term term)
    {
        var keywords = string.Join(' ', [term.Name, .. term.Aliases, .. term.Acronyms]).ToLowerInvariant();
        return $"<li data-keywords=\"{HtmlPage.Encode(keywords)}\"><a href=\"/terms/{Uri.EscapeDataString(term.Slug)}\">{HtmlPage.Encode(term.Name)}</a>"
            + $"<span class=\"muted\"> — {HtmlPage.Encode(Shorten(term.Summary, 120))}</span></li>";
    }

    private static string TermPage(Term term, TermGlossary glossary, bool playground)
    {
        var html = new StringBuilder();
        html.Append($"<article class=\"term\"><p class=\"category\">{HtmlPage.Encode(Categories.Label(term.Category))}</p><h1>{HtmlPage.Encode(term.Name)}</h1>");
        if (term.Aliases.Count + term.Acronyms.Count > 0)
            html.Append($"<p class=\"muted\">Also: {HtmlPage.Encode(string.Join(", ", term.Acronyms.Concat(term.Aliases)))}</p>");
        html.Append($"<p class=\"summary\">{HtmlPage.Encode(term.Summary)}</p>");
        if (term.SenseList.Count > 0)
        {
            html.Append("<h2>Senses</h2><dl class=\"senses\">");
            foreach (var sense in term.SenseList)
                html.Append($"<dt>{HtmlPage.Encode(sense.Name)}</dt><dd>{HtmlPage.Encode(sense.Summary)} ({string.Join(", ", sense.Sources.Select(SourceLink))})</dd>");
            html.Append("</dl>");
        }
        foreach (var paragraph in term.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            html.Append($"<p>{HtmlPage.Encode(paragraph.Replace("**", "", StringComparison.Ordinal))}</p>");
        var related = glossary.RelatedOf(term);
        if (related.Count > 0)
        {
            html.Append("<h2>Related terms</h2><ul class=\"terms\">");
            foreach (var r in related)
                html.Append(Item(r));
            html.Append("</ul>");
        }
        html.Append("<h2>Sources</h2><ul>");
        foreach (var source in term.Sources)
            html.Append($"<li>{SourceLink(source)}</li>");
        html.Append("</ul>");
        if (Provenance.ReviewedLabel(term) is { } reviewed)
            html.Append($"<p class=\"muted\">{HtmlPage.Encode(reviewed)}</p>");
        html.Append("<p><a href=\"/terms\">← All terms</a></p></article>");
        return HtmlPage.Frame($"{term.Name} · AlignBot glossary", $"{term.Name}: {Shorten(term.Summary, 150)}", html.ToString(),
            WebPageSection.GlossaryTerm, playground: playground);
    }

    private static string SourceLink(TermSource source) =>
        Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<a href=\"{HtmlPage.Encode(uri.AbsoluteUri)}\" rel=\"noopener noreferrer\">{HtmlPage.Encode(source.Title)}</a>"
            : HtmlPage.Encode(source.Title);

    private static string NotFoundPage(string slug, TermGlossary glossary, bool playground)
    {
        var suggestions = glossary.Suggest(slug.Replace('-', ' '), 3);
        var html = new StringBuilder($"<h1>No term “{HtmlPage.Encode(slug)}”</h1>");
        if (suggestions.Count > 0)
        {
            html.Append("<p>Did you mean:</p><ul class=\"terms\">");
            foreach (var term in suggestions)
                html.Append(Item(term));
            html.Append("</ul>");
        }
        html.Append("<p><a href=\"/terms\">See all terms</a></p>");
        return HtmlPage.Frame("Not found · AlignBot glossary", "The glossary has no term at this address; similar terms are listed.",
            html.ToString(), WebPageSection.GlossaryTerm, playground: playground);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..text.LastIndexOf(' ', max)] + "…";
}
