using System.Text.RegularExpressions;

namespace AlignBot.Glossary.Search;

/// <summary>
/// Turns the way people ask ("what's X?", "define X", "tell me about X", "what does X mean?") into the subject
/// they ask about, and recognises comparisons ("X vs Y", "difference between X and Y").
/// </summary>
public static partial class QuestionText
{
    // Phrases that carry no subject. Order matters only in that longer phrases come before their prefixes.
    private static readonly string[] LeadingPhrases =
    [
        "hey", "hi", "hello", "ok", "okay", "so", "please", "pls", "can you", "could you", "would you", "can u",
        "i want to know about", "i'd like to know about", "i would like to know about", "what do you know about",
        "do you know what", "do you know", "tell me what", "tell me about", "tell me", "remind me what",
        "what is meant by", "what do you mean by", "what do people mean by", "what does it mean to be",
        "what does the term", "what does", "what do", "what is", "what's", "whats", "what are", "what was",
        "what were", "who is", "who are", "how does", "how do", "why is", "why are", "is there", "is there such a thing as",
        "define", "definition of", "definition for", "meaning of", "explain", "describe", "elaborate on",
        "give me", "show me", "info on", "information on", "information about", "more about", "about",
        "the term", "the concept of", "the idea of", "the notion of", "a definition of", "the definition of",
        "the meaning of", "the", "a", "an", "me", "is", "are", "by",
    ];

    private static readonly string[] TrailingPhrases =
    [
        "mean", "means", "meant", "stand for", "stands for", "refer to", "refers to", "please", "exactly",
        "actually", "again", "briefly", "for me", "in simple terms", "in plain english", "in plain words",
        "in ai", "in ai safety", "in ai alignment", "in alignment", "in ml", "in machine learning", "in llms",
        "work", "works", "is", "are", "about", "thanks", "thank you", "mean exactly",
    ];

    [GeneratedRegex(@"^(?:(?:what(?:'s| is| are)|whats) )?(?:the )?differences? between (?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DifferenceBetween();

    [GeneratedRegex(@"^(?:compare|contrast) (?<a>.+?) (?:and|with|to|vs\.?|versus) (?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CompareCommand();

    [GeneratedRegex(@"^(?<a>.+?)\s+(?:vs\.?|versus|v\.|compared (?:to|with)|as opposed to)\s+(?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Versus();

    [GeneratedRegex(@"^how (?:does|do|is|are) (?<a>.+?) (?:differ|different) from (?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DifferFrom();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The subject of a question: "What's reward hacking?" → "reward hacking".</summary>
    public static string Subject(string text)
    {
        var subject = Spaces().Replace(text, " ").Trim().TrimEnd('?', '!', '.', ',', ';', ':', ' ').TrimStart('"', '\'', '“', ' ').TrimEnd('"', '\'', '”', ' ');
        for (var changed = true; changed && subject.Length > 0;)
        {
            changed = false;
            foreach (var phrase in LeadingPhrases)
            {
                if (StartsWithWord(subject, phrase) && subject.Length > phrase.Length)
                {
                    subject = subject[phrase.Length..].TrimStart(' ', ',', ':');
                    changed = true;
                }
            }
            foreach (var phrase in TrailingPhrases)
            {
                if (EndsWithWord(subject, phrase) && subject.Length > phrase.Length)
                {
                    subject = subject[..^phrase.Length].TrimEnd(' ', ',', '?', '!', '.');
                    changed = true;
                }
            }
        }
        return subject.Trim('"', '\'', '“', '”', ' ', '?', '!', '.');
    }

    /// <summary>
    /// The ways a question can be read as a comparison of two subjects, most likely first. "difference between
    /// A and B and C" is ambiguous when a term name holds "and", so each split is offered; the caller keeps the
    /// first whose two sides both name a term. Empty when the question is no comparison.
    /// </summary>
    public static IReadOnlyList<(string First, string Second)> ComparisonSplits(string text)
    {
        var clean = Spaces().Replace(text, " ").Trim().TrimEnd('?', '!', '.', ' ');
        var splits = new List<(string, string)>();
        var between = DifferenceBetween().Match(clean);
        if (between.Success)
        {
            var rest = between.Groups["rest"].Value;
            for (var at = rest.IndexOf(" and ", StringComparison.OrdinalIgnoreCase); at > 0;
                 at = rest.IndexOf(" and ", at + 1, StringComparison.OrdinalIgnoreCase))
                splits.Add((rest[..at], rest[(at + 5)..]));
            return Cleaned(splits);
        }
        foreach (var pattern in new[] { CompareCommand(), DifferFrom(), Versus() })
        {
            var match = pattern.Match(clean);
            if (match.Success)
            {
                splits.Add((match.Groups["a"].Value, match.Groups["b"].Value));
                break;
            }
        }
        return Cleaned(splits);
    }

    private static List<(string, string)> Cleaned(List<(string A, string B)> splits) =>
        splits.Select(s => (Subject(s.A), Subject(s.B))).Where(s => s.Item1.Length > 0 && s.Item2.Length > 0).ToList();

    private static bool StartsWithWord(string text, string phrase) =>
        text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
        && (text.Length == phrase.Length || !char.IsLetterOrDigit(text[phrase.Length]));

    private static bool EndsWithWord(string text, string phrase) =>
        text.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)
        && (text.Length == phrase.Length || !char.IsLetterOrDigit(text[^(phrase.Length + 1)]));
}
