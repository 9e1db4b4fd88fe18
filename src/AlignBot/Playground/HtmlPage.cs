using System.Text.Encodings.Web;

namespace AlignBot.Playground;

/// <summary>
/// The shared frame of AlignBot's HTML pages: a description, the icon and one stylesheet from the host, a skip link,
/// the navigation with the current entry marked. No inline script or style (the pages' Content-Security-Policy).
/// </summary>
internal static class HtmlPage
{
    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    public static string Frame(string title, string description, string main, WebPageSection section, string? script = null,
        bool playground = true) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="description" content="{{Encode(description)}}">
          <meta name="color-scheme" content="light dark">
          <title>{{Encode(title)}}</title>
          <link rel="icon" href="/favicon.ico" sizes="32x32">
          <link rel="stylesheet" href="/assets/app.css">
        {{(script is null ? "" : $"  <script src=\"/assets/{script}\" defer></script>")}}
        </head>
        <body>
          <a class="skip" href="#main">Skip to content</a>
          <header class="top">
            <a class="brand" href="{{(playground ? "/" : "/terms")}}">AlignBot</a>
            <nav aria-label="Main">{{Navigation(section, playground)}}</nav>
          </header>
          <main id="main">
        {{main}}
          </main>
        </body>
        </html>
        """;

    private static string Navigation(WebPageSection section, bool playground) =>
        (playground ? $"<a href=\"/\"{Current(section, WebPageSection.Playground)}>Playground</a>" : "")
        + $"<a href=\"/terms\"{Current(section, WebPageSection.GlossaryIndex)}>Glossary</a>";

    /// <summary><c>aria-current="page"</c> on the entry of this very page; <c>"true"</c> on the glossary from a term's page.</summary>
    private static string Current(WebPageSection section, WebPageSection entry) => (section, entry) switch
    {
        _ when section == entry => " aria-current=\"page\"",
        (WebPageSection.GlossaryTerm, WebPageSection.GlossaryIndex) => " aria-current=\"true\"",
        _ => "",
    };
}
