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
        "wat is", "wats", "wat's", "wut is", "whta is", "waht is", "wht is",
        "what were", "who is", "who are", "how does", "how do", "why is", "why are", "is there", "is there such a thing as",
        "define", "definition of", "definition for", "meaning of", "explain", "describe", "elaborate on",
        "give me", "show me", "info on", "information on", "information about", "more about", "about",
        "i need definitions for", "need definitions for", "definitions for", "definitions of", "need a definition of", "need a definition for",
        "the term", "the concept of", "the idea of", "the notion of", "a definition of", "the definition of",
        "the meaning of", "the deal with", "the story with", "the story behind", "the", "a", "an", "me", "is", "are", "by",
    ];

    private static readonly string[] TrailingPhrases =
    [
        // Asked after naming several things ("X and Y — what do they mean"): before "mean", which would take its end.
        "what are they", "what are those", "what are these", "what do they mean", "what do those mean", "never heard of either",
        "mean", "means", "meant", "stand for", "stands for", "refer to", "refers to", "please", "exactly",
        "actually", "again", "briefly", "for me", "in simple terms", "in plain english", "in plain words",
        "in ai", "in ai safety", "in ai alignment", "in alignment", "in ml", "in machine learning", "in llms",
        "work", "works", "is", "are", "about", "thanks", "thank you", "mean exactly",
        // What people ask for after the subject ("alignment faking paper summary"); "tl;dr" is chat filler (ChatText).
        "summary", "overview", "paper", "the paper",
        "tbh",
    ];

    [GeneratedRegex(@"\bdiff(?:erence)?s? between (?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DifferenceBetween();

    [GeneratedRegex(@"^(?:compare|contrast) (?<a>.+?) (?:and|with|to|vs\.?|versus) (?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CompareCommand();

    [GeneratedRegex(@"\s+(?:vs\.?|versus|v\.|compared (?:to|with)|as opposed to)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Versus();

    [GeneratedRegex(@"\bhow (?:does|do|is|are) (?<a>.+?) (?:differ|different) (?:from|to) (?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DifferFrom();

    [GeneratedRegex(@"^(?:is|are|isn'?t|aren'?t) (?<a>.+?) (?:basically|just|really|actually|essentially|the same(?: thing)? as|same as|similar to|different from|a (?:kind|type|form|subset|part) of|part of) (?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex IsBasically();

    [GeneratedRegex(@"^(?:does|do|would|will) (?<a>.+?) (?:count as|qualify as|fall under|belong under) (?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CountsAs();

    [GeneratedRegex(@"^(?<a>.+?) (?:or|and) (?<b>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EitherOr();

    /// <summary>Words in another clause that make "X or Y" / "X and Y" a comparison: "which one", "same idea", "differ".</summary>
    [GeneratedRegex(@"\b(?:which|same|differ\w*|diff|compare|one just the other|mix (?:them|these) up)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComparingWords();

    [GeneratedRegex(@"[,;?]+|\s+-\s+")]
    private static partial Regex ClauseBreak();

    /// <summary>One of several questions in a message ("what is X? and what's Y?"): its connecting words, then the asking.</summary>
    [GeneratedRegex(@"^(?:(?:and|also|plus|then|&)\s+)*(?:(?:how|what) about\s+(?<ask>.+)|(?:(?:can|could) you\s+)?(?<ask>(?:what|whats|what's|what are|define|explain)\b.*))$", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhat();

    /// <summary>
    /// Where one question of several ends: a question mark, "and also", ", also", a semicolon, a full stop before a space
    /// (not after "e.g.", "i.e.", "vs.", "etc." or a single letter, as in "U.S.").
    /// </summary>
    [GeneratedRegex(@"\?|\s+and also\s+|,\s*also\s+|;|(?<!\b(?:e\.g|i\.e|vs|etc|[a-z]))\.\s+", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionBreak();

    /// <summary>The words that join a question to the one before it: "and", "also", "plus", "then", "or", "what about", "same for".</summary>
    [GeneratedRegex(@"^(?:(?:and|also|plus|then|or|&|\+)\s+)*(?:(?:how|what) about\s+|same (?:question )?for\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Connective();

    /// <summary>Between the items of a list: ", and ", " and ", ", ", " &amp; ", " + ", " / ", " then ".</summary>
    [GeneratedRegex(@",\s*and\s+|\s+and\s+|,\s*|\s+&\s+|\s+\+\s+|\s+/\s+|\s+then\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// "how do I prevent X", "how can we detect X", "ways to mitigate X": a question about guarding against X is answered
    /// with X's entry, which says how. Only these verbs: "how do I reset my password" keeps its words (and finds nothing).
    /// </summary>
    [GeneratedRegex(@"^(?:how (?:do|can|should|would|could|might) (?:i|we|you|one|people|teams|labs)|how to|(?:best |good )?ways? to|(?:what's|whats|what is) the best way to) "
        + @"(?:prevent|avoid|stop|detect|spot|catch|mitigate|reduce|defend against|protect against|guard against|test for|measure|evaluate) (?<subject>.+)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex GuardAgainst();

    /// <summary>The subject of a question: "What's reward hacking?" → "reward hacking".</summary>
    public static string Subject(string text)
    {
        var subject = Spaces().Replace(text, " ").Trim().TrimEnd('?', '!', '.', ',', ';', ':', ' ').TrimStart('"', '\'', '“', ' ').TrimEnd('"', '\'', '”', ' ');
        subject = WithoutGuarding(subject);
        for (var changed = true; changed && subject.Length > 0;)
        {
            changed = false;
            foreach (var phrase in LeadingPhrases)
            {
                if (StartsWithWord(subject, phrase) && subject.Length > phrase.Length)
                {
                    // "so how do we detect X": the guarding question is read once "so" is gone, before "how do" is.
                    subject = WithoutGuarding(subject[phrase.Length..].TrimStart(' ', ',', ':'));
                    changed = true;
                }
            }
            foreach (var phrase in TrailingPhrases)
            {
                if (EndsWithWord(subject, phrase) && subject.Length > phrase.Length)
                {
                    subject = subject[..^phrase.Length].TrimEnd(' ', ',', '?', '!', '.', '—', '–', '-', ':');
                    changed = true;
                }
            }
        }
        return subject.Trim('"', '\'', '“', '”', ' ', '?', '!', '.');
    }

    /// <summary>X, when <paramref name="text"/> asks how to guard against X (<see cref="GuardAgainst"/>); else the text.</summary>
    private static string WithoutGuarding(string text) =>
        (text.StartsWith("how ", StringComparison.OrdinalIgnoreCase) || text.Contains("way", StringComparison.OrdinalIgnoreCase))
        && GuardAgainst().Match(text) is { Success: true } guard
            ? guard.Groups["subject"].Value
            : text;

    /// <summary>Most terms a comparison shows side by side.</summary>
    public const int MaxCompared = 3;

    /// <summary>
    /// The ways a message can be read as a comparison of two or three subjects, most likely first: "X vs Y [vs Z]",
    /// "difference between X and Y", "how does X differ from Y", "is X basically Y", "compare X and Y", and "X or
    /// Y" / "X and Y" when another clause asks "which one", "same idea?" or "what's the diff". The comparison may sit
    /// in any clause of the message. "difference between A and B and C" is ambiguous when a term name holds "and", so
    /// each split is offered; the caller keeps the first reading whose subjects all name terms. A subject may carry
    /// trailing or leading words ("dpo whats the diff"), which the caller trims against the glossary. Empty when the
    /// message is no comparison.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> ComparisonSplits(string text)
    {
        var clean = Spaces().Replace(text, " ").Trim().TrimEnd('?', '!', '.', ' ');
        var clauses = ClauseBreak().Split(clean).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        var readings = new List<IReadOnlyList<string>>();
        foreach (var clause in clauses.Prepend(clean).Distinct())
        {
            var between = DifferenceBetween().Match(clause);
            if (between.Success)
            {
                var rest = between.Groups["rest"].Value;
                for (var at = rest.IndexOf(" and ", StringComparison.OrdinalIgnoreCase); at > 0;
                     at = rest.IndexOf(" and ", at + 1, StringComparison.OrdinalIgnoreCase))
                    readings.Add([rest[..at], rest[(at + 5)..]]);
                // "between A, B and C": three sides (a name may hold a comma too, so this comes after the splits above).
                var listed = rest.Split(',', StringSplitOptions.TrimEntries);
                if (listed is [var a, var bc] && bc.IndexOf(" and ", StringComparison.OrdinalIgnoreCase) is > 0 and var last)
                    readings.Add([a, bc[..last], bc[(last + 5)..]]);
                else if (listed is [var first, var second, var third] && StartsWithWord(third, "and") && third.Length > 4)
                    readings.Add([first, second, third[4..]]);   // the serial comma: "A, B, and C"
            }
            if ((Pair(CompareCommand(), clause) ?? Pair(DifferFrom(), clause) ?? Pair(IsBasically(), clause) ?? Pair(CountsAs(), clause)) is { } pair)
                readings.Add(pair);
            var versus = Versus().Split(clause);
            if (versus.Length is > 1 and <= MaxCompared)
                readings.Add(versus);
            var comparing = clauses.Count > 1 ? clauses.Any(c => c != clause && ComparingWords().IsMatch(c)) : ComparingWords().IsMatch(clause);
            if (comparing && Pair(EitherOr(), clause) is { } either)
                readings.Add(either);
        }
        return readings.Select(r => (IReadOnlyList<string>)r.Select(Subject).ToList()).Where(r => r.All(p => p.Length > 0)).ToList();
    }

    /// <summary>Whether <paramref name="text"/> has anything a list of things is separated by (<see cref="ListSeparator"/>): a cheap test first.</summary>
    public static bool MayList(string text) =>
        text.AsSpan().IndexOfAny(ListMarks) >= 0 || text.Contains(" and ", StringComparison.OrdinalIgnoreCase) || text.Contains(" then ", StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<char> QuestionEnds = System.Buffers.SearchValues.Create("?;.");

    private static readonly System.Buffers.SearchValues<char> ListMarks = System.Buffers.SearchValues.Create(",&+/");

    /// <summary>Most questions <see cref="SeveralQuestions"/> reads in one message.</summary>
    private const int MaxQuestions = 6;

    /// <summary>
    /// The subjects of the questions in a message of several ("what is RLHF? and DPO?", "define X, also what's Y",
    /// "what is X. what is Y."), each without its connecting words ("and", "also", "what about"), and whether it was asked
    /// (it had asking or connecting words, not only a bare subject: "honestly" after a question is chatter, and is not
    /// read as a misspelt "honesty"); null for one question. Any part may be chatter ("I know RLHF; what's DPO?", "…
    /// where's the standup link?"), so the caller shows side by side only the subjects that are terms' names.
    /// </summary>
    public static IReadOnlyList<(string Subject, bool Asked)>? SeveralQuestions(string text)
    {
        var clean = Spaces().Replace(text, " ").Trim().TrimEnd('?', '!', '.', ' ');
        if (clean.AsSpan().IndexOfAny(QuestionEnds) < 0 && !clean.Contains("also", StringComparison.OrdinalIgnoreCase))
            return null;   // one question: most messages, spared the split below
        var questions = QuestionBreak().Split(clean).Select(q => q.Trim()).Where(q => q.Length > 0).ToArray();
        if (questions.Length is < 2 or > MaxQuestions)
            return null;
        return [.. questions.Select(Read)];

        static (string, bool) Read(string question)
        {
            if (AsksWhat().Match(question) is { Success: true } ask)
                return (Subject(ask.Groups["ask"].Value), true);
            var joined = Connective().Match(question);
            return (Subject(question[joined.Length..]), joined.Length > 0);
        }
    }

    /// <summary>
    /// The items of a subject that lists two or three things ("X and Y", "X, Y and Z", "X &amp; Y", "X + Y"), or null. A
    /// name may hold "and" or a comma, so the caller takes these only when every item is a term's name and the whole is not.
    /// </summary>
    public static IReadOnlyList<string>? Listed(string subject)
    {
        if (!MayList(subject))
            return null;
        var items = ListSeparator().Split(subject).Select(i => i.Trim()).Where(i => i.Length > 0).ToArray();
        return items.Length is >= 2 and <= MaxCompared ? items : null;
    }

    private static string[]? Pair(Regex pattern, string clause) =>
        pattern.Match(clause) is { Success: true } match ? [match.Groups["a"].Value, match.Groups["b"].Value] : null;

    private static bool StartsWithWord(string text, string phrase) =>
        text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
        && (text.Length == phrase.Length || !char.IsLetterOrDigit(text[phrase.Length]));

    private static bool EndsWithWord(string text, string phrase) =>
        text.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)
        && (text.Length == phrase.Length || !char.IsLetterOrDigit(text[^(phrase.Length + 1)]));
}
