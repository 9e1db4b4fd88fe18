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
    /// User words made inert in an Adaptive Card's markdown: brackets (links), emphasis and code markers are
    /// backslash-escaped and angle brackets replaced. Nothing else is touched, so ordinary punctuation reads as typed.
    /// </summary>
    public static string Escape(string text) => MarkdownControl().Replace(text.Replace('<', '‹').Replace('>', '›'), @"\$1");

    /// <summary>Cuts text to at most <paramref name="max"/> characters with "…".</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
