using AlignBot.Glossary.Analysis;

namespace AlignBot.Glossary.Search;

/// <summary>
/// Every term's name, aliases, acronyms and slug as two keys each: the compact form (letters and digits only, so
/// "R.L.H.F." and "jail break" match) and the stemmed form ("adversarial attacks", "optimisation"). A key two
/// terms share is dropped: it is not exact for either, and ranked search decides.
/// </summary>
internal sealed class ExactKeys
{
    private readonly Dictionary<string, Term> _keys = new(StringComparer.Ordinal);

    public ExactKeys(IReadOnlyList<Term> terms)
    {
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            foreach (var label in Labels(term))
            {
                foreach (var key in KeysOf(label))
                {
                    if (key.Length == 0 || ambiguous.Contains(key))
                        continue;
                    if (_keys.TryGetValue(key, out var owner) && owner.Slug != term.Slug)
                    {
                        _keys.Remove(key);
                        ambiguous.Add(key);
                    }
                    else
                        _keys[key] = term;
                }
            }
        }
    }

    public Term? Find(string subject)
    {
        foreach (var key in KeysOf(subject))
        {
            if (_keys.TryGetValue(key, out var term))
                return term;
        }
        return null;
    }

    /// <summary>
    /// Terms named inside a longer text: every run of up to <see cref="MaxLabelWords"/> words that is a name, alias,
    /// acronym or slug, with that run and the index of its first word, longest runs first. <paramref name="words"/> are normalised words
    /// (<see cref="GlossaryIndex.Words"/>), so a run's keys are its words' own compact forms and stems joined: each word is
    /// analysed once, not once per run it is in (a 30-word message has 140 runs).
    /// </summary>
    /// <param name="words">The message's normalised words.</param>
    /// <param name="stem">A word's stem (<see cref="GlossaryIndex.Stem"/>, or a remembered one).</param>
    public List<(Term Term, string[] Run, int At)> Within(IReadOnlyList<string> words, Func<string, string> stem)
    {
        var compact = words.Select(TextKeys.Compact).ToArray();
        var stems = words.Select(stem).ToArray();
        var found = new List<(Term, string[], int)>();
        for (var length = Math.Min(MaxLabelWords, words.Count); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Count; start++)
            {
                if ((_keys.GetValueOrDefault(CompactPrefix + string.Concat(compact.AsSpan(start, length)))
                     ?? _keys.GetValueOrDefault(StemmedPrefix + string.Join(' ', stems, start, length))) is { } term)
                    found.Add((term, words.Skip(start).Take(length).ToArray(), start));
            }
        }
        return found;
    }

    /// <summary>Longest name or alias in words that <see cref="Within"/> looks for.</summary>
    public const int MaxLabelWords = 5;

    private static IEnumerable<string> Labels(Term term) =>
        [term.Name, term.Slug, .. term.Aliases, .. term.Acronyms];

    private const string CompactPrefix = "c:";
    private const string StemmedPrefix = "s:";

    private static IEnumerable<string> KeysOf(string text)
    {
        yield return CompactPrefix + TextKeys.Compact(text);
        yield return StemmedPrefix + string.Join(' ', GlossaryIndex.Stems(text));
    }
}
