using System.Globalization;
using System.Text;

namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2 was trained with: control characters dropped, CJK ideographs
/// and punctuation split off, lower case, accents stripped, then each word split greedily into the longest pieces in the
/// vocabulary ("sycophancy" → "syco", "##pha", "##ncy"). A word with no such split is <c>[UNK]</c>.
/// </summary>
internal sealed class WordPieceTokenizer
{
    /// <summary>Longer words are <c>[UNK]</c> without trying (as in BERT): nothing that long is in the vocabulary.</summary>
    private const int MaxWordChars = 100;

    private readonly Dictionary<string, int> _ids;

    public WordPieceTokenizer(IEnumerable<string> vocabulary)
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var piece in vocabulary)
            _ids.TryAdd(piece, _ids.Count);
        Classify = _ids["[CLS]"];
        Separator = _ids["[SEP]"];
        Unknown = _ids["[UNK]"];
    }

    public int Classify { get; }

    public int Separator { get; }

    public int Unknown { get; }

    /// <summary>
    /// Token ids of <paramref name="text"/> framed by <c>[CLS]</c> … <c>[SEP]</c>, at most <paramref name="maxTokens"/>
    /// in all (the rest of a long text is cut, as the model was trained on).
    /// </summary>
    public List<int> Encode(string text, int maxTokens)
    {
        var ids = new List<int>(Math.Min(maxTokens, 32)) { Classify };
        foreach (var word in Words(text))
        {
            if (!AddPieces(word, ids, maxTokens - 1))
                break;
        }
        ids.Add(Separator);
        return ids;
    }

    /// <summary>Adds the word's pieces; false when the budget is spent.</summary>
    private bool AddPieces(string word, List<int> ids, int budget)
    {
        if (ids.Count >= budget)
            return false;
        if (word.Length > MaxWordChars)
        {
            ids.Add(Unknown);
            return true;
        }
        var start = ids.Count;
        for (var from = 0; from < word.Length;)
        {
            var found = -1;
            var to = word.Length;
            for (; to > from; to--)
            {
                var piece = from == 0 ? word[from..to] : "##" + word[from..to];
                if (_ids.TryGetValue(piece, out found))
                    break;
            }
            if (to == from)
            {
                ids.RemoveRange(start, ids.Count - start);
                ids.Add(Unknown);
                return true;
            }
            if (ids.Count >= budget)
                return false;
            ids.Add(found);
            from = to;
        }
        return true;
    }

    /// <summary>BERT's basic tokenization: words and single punctuation marks, lower case, without accents.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c == '\0' || c == '\uFFFD')
                continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c) || category == UnicodeCategory.Format)
            {
                if (word.Length > 0)
                    yield return Take(word);
                continue;
            }
            if (IsPunctuation(c, category) || IsIdeograph(c))
            {
                if (word.Length > 0)
                    yield return Take(word);
                yield return c.ToString();
                continue;
            }
            word.Append(char.ToLowerInvariant(c));
        }
        if (word.Length > 0)
            yield return Take(word);
    }

    private static string Take(StringBuilder word)
    {
        var text = word.ToString();
        word.Clear();
        return text;
    }

    private static bool IsPunctuation(char c, UnicodeCategory category) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~'
        || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;

    private static bool IsIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
