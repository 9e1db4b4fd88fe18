using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AlignBot.Glossary.Search;

/// <summary>
/// The postings of a <see cref="GlossaryIndex"/>'s searched fields, read out of its Lucene index once when it is built,
/// and BM25 over them computed as Lucene's own <c>BM25Similarity</c> computes it (the same idf, average field length,
/// one-byte length norms and float arithmetic). A ranked question then costs a dictionary lookup per stem and a loop over
/// a few postings, instead of a Lucene query with a term lookup, a terms enumerator and a scorer per field and stem
/// (200–400 KB allocated and most of a ranked question's time).
/// </summary>
/// <remarks>
/// Lucene stays the index of record: everything here is read from it, and phrase clauses are still Lucene queries
/// (<see cref="GlossaryIndex.Search"/>). Immutable once read; safe to share between threads.
/// </remarks>
internal sealed class FieldPostings
{
    /// <summary>BM25's k1 and b: <c>BM25Similarity</c>'s defaults, which the index is written and searched with.</summary>
    private const float K1 = 1.2f;

    /// <summary>See <see cref="K1"/>.</summary>
    private const float B = 0.75f;

    private readonly record struct Posting(int Doc, float Freq, float Norm);

    /// <summary>One stem: how many documents use it in any field, and its idf and postings per searched field (null where none).</summary>
    private sealed record Stem(int DocFreq, float[] Idf, Posting[]?[] ByField);

    private readonly Dictionary<string, Stem> _stems;
    private readonly float[] _boosts;

    private FieldPostings(Dictionary<string, Stem> stems, float[] boosts)
    {
        _stems = stems;
        _boosts = boosts;
    }

    /// <summary>Reads the postings of <paramref name="fields"/>, and the document frequencies of <paramref name="allField"/>.</summary>
    public static FieldPostings Read(IndexReader reader, IReadOnlyList<(string Field, float Boost)> fields, string allField)
    {
        var byStem = new Dictionary<string, (int DocFreq, float[] Idf, Posting[]?[] ByField)>(StringComparer.Ordinal);
        (int, float[], Posting[]?[]) Entry(string stem) =>
            byStem.TryGetValue(stem, out var found) ? found : byStem[stem] = (0, new float[fields.Count], new Posting[fields.Count][]);

        if (MultiFields.GetTerms(reader, allField) is { } all)
        {
            var terms = all.GetEnumerator();
            while (terms.MoveNext())
            {
                var stem = terms.Term.Utf8ToString();
                byStem[stem] = Entry(stem) with { Item1 = terms.DocFreq };
            }
        }

        var liveDocs = MultiFields.GetLiveDocs(reader);
        for (var f = 0; f < fields.Count; f++)
        {
            if (MultiFields.GetTerms(reader, fields[f].Field) is not { } fieldTerms)
                continue;
            var norms = NormFactors(reader, fields[f].Field, fieldTerms);
            var normValues = MultiDocValues.GetNormValues(reader, fields[f].Field);
            var terms = fieldTerms.GetEnumerator();
            DocsEnum? docs = null;
            while (terms.MoveNext())
            {
                var (_, idf, byField) = Entry(terms.Term.Utf8ToString());
                idf[f] = (float)Math.Log(1 + (reader.MaxDoc - terms.DocFreq + 0.5D) / (terms.DocFreq + 0.5D));
                docs = terms.Docs(liveDocs, docs, DocsFlags.FREQS);
                var postings = new List<Posting>(terms.DocFreq);
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    postings.Add(new Posting(docs.DocID, docs.Freq, norms[(sbyte)normValues.Get(docs.DocID) & 0xFF]));
                byField[f] = [.. postings];
            }
        }

        var stems = byStem.ToDictionary(s => s.Key, s => new Stem(s.Value.DocFreq, s.Value.Idf, s.Value.ByField), StringComparer.Ordinal);
        return new FieldPostings(stems, [.. fields.Select(f => f.Boost)]);
    }

    /// <summary>
    /// BM25's length factor for each of the 256 one-byte norms of a field, <c>k1 × (1 − b + b × length / average length)</c>,
    /// as <c>BM25Similarity.ComputeWeight</c> caches it.
    /// </summary>
    private static float[] NormFactors(IndexReader reader, string field, Terms terms)
    {
        var sumTotalTermFreq = terms.SumTotalTermFreq;
        var averageLength = sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)reader.MaxDoc);
        var factors = new float[256];
        for (var i = 0; i < factors.Length; i++)
        {
            var encoded = SmallSingle.SByte315ToSingle((sbyte)i);
            var length = 1.0f / (encoded * encoded);
            factors[i] = K1 * ((1 - B) + B * length / averageLength);
        }
        return factors;
    }

    /// <summary>How many documents use the stem in any field.</summary>
    public int DocFreq(string stem) => _stems.TryGetValue(stem, out var found) ? found.DocFreq : 0;

    /// <summary>Whether any document has the stem in the searched field at <paramref name="field"/>.</summary>
    public bool InField(int field, string stem) => _stems.TryGetValue(stem, out var found) && found.ByField[field] is not null;

    /// <summary>
    /// Adds to <paramref name="board"/> one clause per stem, weighted by its rarity: the best of its fields' BM25 scores
    /// plus <paramref name="tieBreaker"/> times the others (Lucene's <c>DisjunctionMaxQuery</c> of one boosted
    /// <c>TermQuery</c> per field, boosted by the rarity).
    /// </summary>
    public void Score(IReadOnlyDictionary<string, float> rarity, float tieBreaker, ScoreBoard board)
    {
        foreach (var (text, weight) in rarity)
        {
            if (!_stems.TryGetValue(text, out var stem))
                continue;
            board.BeginClause();
            for (var f = 0; f < _boosts.Length; f++)
            {
                if (stem.ByField[f] is not { } postings)
                    continue;
                // Lucene's order of operations: weight = idf × field boost × clause boost, then × (k1 + 1), then × freq / (freq + norm).
                var weightValue = stem.Idf[f] * _boosts[f] * weight * (K1 + 1);
                foreach (var posting in postings)
                    board.AddToClause(posting.Doc, weightValue * posting.Freq / (posting.Freq + posting.Norm));
            }
            board.EndClause(tieBreaker);
        }
    }
}
