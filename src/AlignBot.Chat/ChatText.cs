using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AlignBot.Chat;

/// <summary>
/// Chat as people type it, reduced to the words that carry meaning: the one place every platform and the command
/// line pass a message through before it is understood. Removes Slack mentions (<c>&lt;@U…&gt;</c>,
/// <c>&lt;@U…|name&gt;</c>, <c>&lt;!here&gt;</c>, channel links), Teams <c>&lt;at&gt;…&lt;/at&gt;</c>, <c>@AlignBot</c>,
/// emoji shortcodes and unicode emoji, links (a Slack link keeps its label), code and emphasis markup, and chat
/// filler ("eli5", "tl;dr", "in plain english", "101", "for dummies", "quick q", "dumb question but", "explain …
/// like i'm a pm", "lol"). Linear-time regular expressions only, so hostile input costs no more than its length.
/// </summary>
public static partial class ChatText
{
    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex TeamsMention();

    [GeneratedRegex(@"<[@#!][^<>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"<(?:https?|mailto):[^<>|]*\|(?<label>[^<>]*)>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LabelledLink();

    [GeneratedRegex(@"<(?:https?|mailto):[^<>]*>|\bhttps?://\S+|\bwww\.\S+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:^|\s)@align\s?bot\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BotName();

    [GeneratedRegex(@":[a-z0-9_+\-']+:", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Shortcode();

    [GeneratedRegex(@"[`*_~]+", RegexOptions.NonBacktracking)]
    private static partial Regex Markup();

    private static readonly System.Buffers.SearchValues<char> MarkupCharacters = System.Buffers.SearchValues.Create("`*_~");

    // Filler that wraps a subject. Each alternative is a whole phrase between word boundaries.
    [GeneratedRegex(@"\b(?:eli\s?5|tl;?\s?dr|in (?:plain|simple) (?:english|words|terms)|in a (?:sentence|nutshell)|(?:the )?short version|for dummies|for (?:the )?new hires|101"
        + @"|(?:ok(?:ay)? )?(?:so )?(?:this (?:might|may) be a )?(?:dumb|stupid|silly|noob|newbie|basic) (?:q|question)(?: but)?|quick (?:q|question)|honestly confused"
        + @"|asking for a friend|genuinely asking|(?:can|could) (?:some(?:one|body)|any(?:one|body)|you) (?:explain|tell me|define)|help me understand|i keep (?:hearing|seeing)"
        + @"|like (?:i'?m|im|i am) (?:a |an )?(?:five|5|pm|product manager|manager|new here|an? \w+)|lol|lmao|haha|pls|plz|please|thx|ty|to me|what even is|so like)\b",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Filler();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"([?!.,])\1+")]
    private static partial Regex RepeatedPunctuation();

    /// <summary>The message without platform noise and filler, on one line; empty when nothing meaningful is left.</summary>
    public static string Normalize(string text)
    {
        // Each pattern runs only when the text has the character every match of it needs: most messages are plain words,
        // and a scan of each pattern over them cost more than the rest of understanding them (bench/README.md).
        var plain = WebUtility.HtmlDecode(text);
        if (plain.Contains('<'))
        {
            plain = TeamsMention().Replace(plain, " ");
            plain = LabelledLink().Replace(plain, "${label}");
            plain = SlackMention().Replace(plain, " ");
        }
        if (plain.Contains('<') || plain.Contains("http", StringComparison.OrdinalIgnoreCase) || plain.Contains("www.", StringComparison.OrdinalIgnoreCase))
            plain = Link().Replace(plain, " ");
        if (plain.Contains('@'))
            plain = BotName().Replace(plain, " ");
        if (plain.Contains(':'))
            plain = Shortcode().Replace(plain, " ");
        if (!Ascii.IsValid(plain))   // no ASCII character is a symbol of the kinds emoji are
            plain = WithoutEmoji(plain);
        if (plain.AsSpan().IndexOfAny(MarkupCharacters) >= 0)
            plain = Markup().Replace(plain, " ");
        plain = Filler().Replace(plain, " ");
        plain = RepeatedPunctuation().Replace(plain, "$1");
        return Spaces().Replace(plain, " ").Trim(' ', ',', ':', ';', '-');
    }

    /// <summary>
    /// What was typed after <paramref name="verb"/>, with mentions removed but otherwise as typed: arguments that are
    /// names, not prose (a time zone such as <c>America/New_York</c> would lose its underscore to the emphasis rule of
    /// <see cref="Normalize"/>). Null when the verb is not there.
    /// </summary>
    public static string? ArgumentsAfter(string typed, string verb)
    {
        var plain = SlackMention().Replace(TeamsMention().Replace(WebUtility.HtmlDecode(typed), " "), " ");
        plain = BotName().Replace(plain, " ");
        var words = plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, word => word.Trim('*', '_', '`', '~').Equals(verb, StringComparison.OrdinalIgnoreCase));
        return at < 0 ? null : string.Join(' ', words[(at + 1)..]);
    }

    /// <summary>Drops pictographs, symbols, variation selectors and joiners (what emoji are made of).</summary>
    private static string WithoutEmoji(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var emoji = category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                || rune.Value is 0x200D or (>= 0xFE00 and <= 0xFE0F) or (>= 0x1F1E6 and <= 0x1F1FF) or (>= 0x1F3FB and <= 0x1F3FF) or 0x20E3;
            builder.Append(emoji ? " " : rune.ToString());
        }
        return builder.ToString();
    }
}
