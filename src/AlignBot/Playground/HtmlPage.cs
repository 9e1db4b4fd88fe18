using System.Text.Encodings.Web;

namespace AlignBot.Playground;

/// <summary>The shared frame of AlignBot's HTML pages: one stylesheet from the host, a skip link, the navigation.</summary>
internal static class HtmlPage
{
    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    public static string Frame(string title, string main, string? script = null, bool playground = true) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{Encode(title)}}</title>
          <link rel="stylesheet" href="/assets/app.css">
        </head>
        <body>
          <a class="skip" href="#main">Skip to content</a>
          <header class="top">
            <a class="brand" href="{{(playground ? "/" : "/terms")}}">AlignBot</a>
            <nav aria-label="Main">{{(playground ? "<a href=\"/\">Playground</a>" : "")}}<a href="/terms">Glossary</a></nav>
          </header>
          <main id="main">
        {{main}}
          </main>
        {{(script is null ? "" : $"<script src=\"/assets/{script}\" defer></script>")}}
        </body>
        </html>
        """;
}
