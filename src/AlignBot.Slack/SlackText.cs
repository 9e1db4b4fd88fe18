using AlignBot.Chat;
using System.Text;
using System.Text.RegularExpressions;

namespace AlignBot.Slack;

/// <summary>Text going to and coming from Slack's mrkdwn.</summary>
public static partial class SlackText
{
    [GeneratedRegex(@"<([^<>]*)>")]
    private static partial Regex Token();

    [GeneratedRegex(@"@(channel|here|everyone)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Broadcast();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex MarkdownBold();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s|<>]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"<@([UW][A-Z0-9]{1,20})(?:\|[^<>]*)?>")]
    private static partial Regex UserToken();

    /// <summary>
    /// Escapes the three mrkdwn control characters and defuses broadcast words, so no text (a user's words echoed
    /// back, a term name) can form a link, a mention or an @channel / @here ping.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return Broadcast().Replace(escaped, "@\u2060$1");   // a word joiner after @ keeps it readable but inert
    }

    /// <summary>
    /// What a person typed, from Slack's wire form: user and channel mentions and special commands dropped
    /// (<c>&lt;@U123&gt;</c>, <c>&lt;!channel&gt;</c>), links reduced to their label or address, entities decoded.
    /// </summary>
    public static string ToPlain(string text)
    {
        var plain = Token().Replace(text, match =>
        {
            var inner = match.Groups[1].Value;
            var bar = inner.IndexOf('|');
            return inner switch
            {
                _ when inner.StartsWith('@') || inner.StartsWith('!') => " ",
                _ when inner.StartsWith('#') => bar > 0 ? "#" + inner[(bar + 1)..] : " ",
                _ => bar > 0 ? inner[(bar + 1)..] : inner,
            };
        });
        plain = plain.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        return string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The people a message mentions, from Slack's wire form <c>&lt;@U123&gt;</c> or <c>&lt;@U123|name&gt;</c>, in order, once each.</summary>
    public static IReadOnlyList<ChatUser> Mentions(string text) =>
        [.. UserToken().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Take(20).Select(id => new ChatUser(id))];

    /// <summary>Corpus Markdown as mrkdwn: escaped, **bold** → *bold*, [label](url) → &lt;url|label&gt;, headings bold.</summary>
    public static string FromMarkdown(string markdown)
    {
        var links = new List<string>();
        // Links first, kept aside as placeholders so escaping does not break their angle brackets.
        var text = MarkdownLink().Replace(markdown, m =>
        {
            links.Add($"<{m.Groups[2].Value}|{Escape(m.Groups[1].Value).Replace("|", "¦", StringComparison.Ordinal)}>");
            return $"\u0001{links.Count - 1}\u0001";
        });
        text = Escape(text);
        text = MarkdownBold().Replace(text, "*$1*");
        text = MarkdownHeading().Replace(text, "*$1*");
        for (var i = 0; i < links.Count; i++)
            text = text.Replace($"\u0001{i}\u0001", links[i], StringComparison.Ordinal);
        return text;
    }

    /// <summary>A link whose address and label cannot break out of the &lt;url|label&gt; form.</summary>
    public static string Link(string url, string label) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<{uri.AbsoluteUri.Replace("|", "%7C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)}|{Escape(label).Replace("|", "¦", StringComparison.Ordinal)}>"
            : Escape(label);

    /// <summary>Cuts text to at most <paramref name="max"/> characters, on a word boundary where possible, with "…".</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max - 1, Math.Min(max - 1, 40));
        var end = cut > 0 ? cut : max - 1;
        if (char.IsHighSurrogate(text[end - 1]))
            end--;
        return text[..end].TrimEnd() + "…";
    }

    /// <summary>Splits mrkdwn into chunks of at most <paramref name="max"/> characters at paragraph or word breaks.</summary>
    public static IEnumerable<string> Chunks(string text, int max)
    {
        var current = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n"))
        {
            var piece = paragraph.Length <= max ? paragraph : Truncate(paragraph, max);
            if (current.Length > 0 && current.Length + 2 + piece.Length > max)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0)
                current.Append("\n\n");
            current.Append(piece);
        }
        if (current.Length > 0)
            yield return current.ToString();
    }
}
