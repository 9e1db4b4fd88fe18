namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// The vectors of one corpus: for each term, one for its headline (name, aliases, acronyms, summary), one per sense and
/// one per example question. A question's similarity to a term is the best of these, so "when the model games the
/// metric" can meet the term through whichever of its texts says it that way.
/// </summary>
internal sealed class EntryVectors
{
    /// <summary>Encoded texts between two saves of the cache: a crash while encoding a large corpus loses at most these.</summary>
    private const int SaveEvery = 256;

    private readonly SentenceModel _model;
    private readonly float[][][] _vectors;

    private EntryVectors(SentenceModel model, float[][][] vectors)
    {
        _model = model;
        _vectors = vectors;
    }

    /// <summary>Encodes what <paramref name="cache"/> does not already hold, and saves it there.</summary>
    public static EntryVectors Build(IReadOnlyList<Term> terms, SentenceModel model, VectorCache cache)
    {
        var vectors = new float[terms.Count][][];
        var sinceSave = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var texts = Texts(terms[i]);
            vectors[i] = new float[texts.Count][];
            for (var j = 0; j < texts.Count; j++)
            {
                vectors[i][j] = cache.GetOrEncode(texts[j], model);
                if (++sinceSave % SaveEvery == 0)
                    cache.Save();
            }
        }
        cache.Save();
        return new EntryVectors(model, vectors);
    }

    /// <summary>What is embedded for a term.</summary>
    internal static List<string> Texts(Term term) =>
    [
        string.Join(", ", [term.Name, .. term.Aliases, .. term.Acronyms]) + ": " + term.Summary,
        .. term.SenseList.Select(s => $"{term.Name} ({s.Name}): {s.Summary}"),
        .. term.QuestionList,
    ];

    /// <summary>
    /// The question's similarity (cosine, −1..1) to each term, in corpus order: the best of the term's texts. Costs one
    /// encoding of the question and a dot product per entry text.
    /// </summary>
    public float[] Similarities(string question)
    {
        var query = _model.Encode(question);
        var similarities = new float[_vectors.Length];
        for (var i = 0; i < _vectors.Length; i++)
        {
            var best = -1f;
            foreach (var vector in _vectors[i])
                best = Math.Max(best, VectorMath.Cosine(query, vector));
            similarities[i] = best;
        }
        return similarities;
    }
}
