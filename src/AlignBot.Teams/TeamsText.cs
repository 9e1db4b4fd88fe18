using System.Text.RegularExpressions;

namespace AlignBot.Teams;

/// <summary>Text coming from and going to Teams.</summary>
internal static partial class TeamsText
{
    [GeneratedRegex(@"<at>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"<[^>]{1,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"([\\`*_\[\]~])")]
    private static partial Regex MarkdownControl();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s<>]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex MarkdownBold();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeading();

    /// <summary>
    /// The question in a message: mentions of the bot removed using the activity's mention entities (as botbuilder's
    /// RemoveMentionText), any leftover &lt;at&gt; tag naming the bot too, other tags reduced to their text.
    /// </summary>
    public static string WithoutBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.Mentions.Where(m => m.Id == activity.Recipient.Id))
        {
            var tag = mention.Text ?? $"<at>{mention.Name}</at>";
            text = text.Replace(tag, " ", StringComparison.OrdinalIgnoreCase);
            if (mention.Name is { Length: > 0 } name)
                text = text.Replace($"<at>{name}</at>", " ", StringComparison.OrdinalIgnoreCase);
        }
        if (activity.Recipient.Name is { Length: > 0 } botName)
            text = AtTag().Replace(text, m => m.Groups[1].Value.Trim('@', ' ').Equals(botName, StringComparison.OrdinalIgnoreCase) ? " " : m.Groups[1].Value);
        text = HtmlTag().Replace(text, " ").Replace("&nbsp;", " ", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Text made inert in an Adaptive Card's markdown (user words, corpus text): brackets (links), emphasis and code
    /// markers are backslash-escaped, and HTML and template expressions defused as in <see cref="Plain"/>. Ordinary
    /// punctuation reads as written.
    /// </summary>
    public static string Escape(string text) => MarkdownControl().Replace(Plain(text), @"\$1");

    /// <summary>
    /// Text for fields shown without markdown (button titles, fallback text, previews' titles): angle brackets become
    /// look-alike quotes, so no HTML, and a word joiner splits every <c>${</c>, so no template expression.
    /// </summary>
    public static string Plain(string text) =>
        text.Replace('<', '‹').Replace('>', '›').Replace("${", ExpressionBreak, StringComparison.Ordinal);

    /// <summary>
    /// A form input's prefilled value: shown as typed (inputs render neither markdown nor HTML), except that a word joiner
    /// after each <c>$</c> of a <c>${</c> keeps a template expression from running; <see cref="FromInput"/> takes it out again.
    /// </summary>
    public static string InputValue(string text) => text.Replace("${", ExpressionBreak, StringComparison.Ordinal);

    /// <summary>A submitted form input as the person typed it: the word joiners <see cref="InputValue"/> put in taken out.</summary>
    public static string FromInput(string text) => text.Replace(ExpressionBreak, "${", StringComparison.Ordinal);

    private const string ExpressionBreak = "$\u2060{";

    /// <summary>
    /// Corpus Markdown as card markdown: everything escaped, except **bold** and links to http(s) addresses (their
    /// labels escaped); headings become bold. Any other link (<c>javascript:</c>, relative) stays visible as text.
    /// </summary>
    public static string FromMarkdown(string markdown)
    {
        var links = new List<string>();
        // Links first, set aside as placeholders so escaping leaves their brackets working.
        var text = MarkdownLink().Replace(markdown, m =>
        {
            links.Add(Link(m.Groups[1].Value, m.Groups[2].Value));
            return $"\u0001{links.Count - 1}\u0001";
        });
        text = MarkdownHeading().Replace(text, "**$1**");
        var bold = new List<string>();
        text = MarkdownBold().Replace(text, m =>
        {
            bold.Add($"**{Escape(m.Groups[1].Value)}**");
            return $"\u0002{bold.Count - 1}\u0002";
        });
        text = Escape(text);
        for (var i = 0; i < bold.Count; i++)
            text = text.Replace($"\u0002{i}\u0002", bold[i], StringComparison.Ordinal);
        for (var i = 0; i < links.Count; i++)
            text = text.Replace($"\u0001{i}\u0001", links[i], StringComparison.Ordinal);
        return text;
    }

    /// <summary>A markdown link when <paramref name="url"/> is an absolute http(s) address, else the escaped label alone.</summary>
    public static string Link(string label, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"[{Escape(label)}]({uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace("$", "%24", StringComparison.Ordinal)})"
            : Escape(label);

    /// <summary>Cuts text to at most <paramref name="max"/> characters with "…".</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
