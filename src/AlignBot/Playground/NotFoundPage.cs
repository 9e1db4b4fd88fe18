namespace AlignBot.Playground;

/// <summary>The page for a GET or HEAD that found nothing and said nothing: where the reader can go instead.</summary>
internal static class NotFoundPage
{
    public static Task WriteAsync(HttpContext http, bool playground)
    {
        var method = http.Request.Method;
        if (http.Response.StatusCode != StatusCodes.Status404NotFound || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
            return Task.CompletedTask;
        var main = $"<h1>Page not found</h1><p>There is no page at <code>{HtmlPage.Encode(http.Request.Path.Value ?? "/")}</code>.</p><ul>"
            + (playground ? "<li><a href=\"/\">Ask AlignBot in the playground</a></li>" : "")
            + "<li><a href=\"/terms\">Browse the glossary of AI-alignment terms</a></li></ul>";
        var page = HtmlPage.Frame("Page not found · AlignBot", "This address has no page; the glossary and the playground are linked from here.",
            main, WebPageSection.None, playground: playground);
        return new HtmlResult(page, StatusCodes.Status404NotFound).ExecuteAsync(http);
    }
}
