namespace AlignBot.Glossary.Search;

/// <summary>
/// The unstemmed words of all names, aliases and acronyms, with how many terms use each: what misspelt query words
/// are corrected against. Bucketed by first letter and length, so a correction compares a word only with the few
/// words of similar length that share its first letter (typos rarely hit the first letter; this bounds the cost on a
/// corpus of 100,000 terms as Lucene's FuzzyQuery automaton, at 1–2 ms a word, did not).
/// </summary>
internal sealed class TitleVocabulary
{
    private readonly Dictionary<string, int> _frequency = new(StringComparer.Ordinal);
    private readonly Dictionary<(char First, int Length), List<string>> _buckets = new();

    public TitleVocabulary(IEnumerable<IEnumerable<string>> wordsPerTerm)
    {
        foreach (var words in wordsPerTerm)
        {
            foreach (var word in words.Distinct(StringComparer.Ordinal))
            {
                if (_frequency.TryGetValue(word, out var count))
                {
                    _frequency[word] = count + 1;
                    continue;
                }
                _frequency[word] = 1;
                var key = (word[0], word.Length);
                if (!_buckets.TryGetValue(key, out var bucket))
                    _buckets[key] = bucket = [];
                bucket.Add(word);
            }
        }
    }

    public bool Contains(string word) => _frequency.ContainsKey(word);

    /// <summary>How many terms use the word in their name, aliases or acronyms (0 when none does).</summary>
    public int Users(string word) => _frequency.GetValueOrDefault(word);

    /// <summary>
    /// Words shorter than this are corrected by one edit at most, whether typed or corrected to: at five letters two
    /// edits make another word ("mixture" is two deletions from "mitre").
    /// </summary>
    public const int TwoEditLength = 6;

    /// <summary>
    /// The nearest word within <paramref name="maxEdits"/> edits (fewest edits, then most used), or null; two edits only
    /// between words of at least <see cref="TwoEditLength"/> letters.
    /// </summary>
    public string? Correct(string word, int maxEdits)
    {
        string? best = null;
        var (bestDistance, bestFrequency) = (maxEdits + 1, 0);
        for (var length = Math.Max(1, word.Length - maxEdits); length <= word.Length + maxEdits; length++)
        {
            if (!_buckets.TryGetValue((word[0], length), out var bucket))
                continue;
            var allowed = Math.Min(maxEdits, Math.Min(word.Length, length) >= TwoEditLength ? 2 : 1);
            foreach (var candidate in bucket)
            {
                var distance = EditDistance.Bounded(word, candidate, Math.Min(allowed, bestDistance));
                var frequency = _frequency[candidate];
                if (distance > allowed)
                    continue;
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
                    (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }
        return bestDistance <= maxEdits ? best : null;
    }
}
