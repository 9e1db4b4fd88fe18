using System.Buffers;

namespace AlignBot.Glossary.Search;

/// <summary>
/// One ranked question's running scores per document, summed the way Lucene's <c>BooleanQuery</c> sums its clauses
/// (in clause order, in double precision, cast to float at the end), and its top documents in the order of Lucene's
/// <c>TopDocs</c> (score descending, then document id ascending). A clause that is a disjunction over fields
/// (<see cref="BeginClause"/>, <see cref="AddToClause"/>, <see cref="EndClause"/>) scores like Lucene's
/// <c>DisjunctionMaxQuery</c>: the best field plus the tie-breaker times the others.
/// </summary>
/// <remarks>
/// Its arrays come from the shared pool and go back on <see cref="Dispose"/>, so a question allocates only the
/// board itself and its result. Not thread-safe: one board per question.
/// </remarks>
internal sealed class ScoreBoard : IDisposable
{
    private readonly double[] _totals;
    private readonly float[] _clauseMax;
    private readonly float[] _clauseSum;
    private readonly int[] _clauseMark;
    private readonly int[] _touched;
    private readonly int[] _clauseTouched;
    private int _touchedCount;
    private int _clauseCount;
    private int _clause;

    public ScoreBoard(int documents)
    {
        _totals = ArrayPool<double>.Shared.Rent(documents);
        _clauseMax = ArrayPool<float>.Shared.Rent(documents);
        _clauseSum = ArrayPool<float>.Shared.Rent(documents);
        _clauseMark = ArrayPool<int>.Shared.Rent(documents);
        _touched = ArrayPool<int>.Shared.Rent(documents);
        _clauseTouched = ArrayPool<int>.Shared.Rent(documents);
        Array.Clear(_totals, 0, documents);
        Array.Clear(_clauseMark, 0, documents);
    }

    /// <summary>Starts a per-field disjunction clause.</summary>
    public void BeginClause()
    {
        _clause++;
        _clauseCount = 0;
    }

    /// <summary>One field's score of a document in the current disjunction clause.</summary>
    public void AddToClause(int doc, float score)
    {
        if (_clauseMark[doc] != _clause)
        {
            _clauseMark[doc] = _clause;
            _clauseMax[doc] = score;
            _clauseSum[doc] = score;
            _clauseTouched[_clauseCount++] = doc;
            return;
        }
        _clauseSum[doc] += score;
        _clauseMax[doc] = Math.Max(_clauseMax[doc], score);
    }

    /// <summary>Ends the disjunction clause: each document it matched scores its best field plus <paramref name="tieBreaker"/> times the rest.</summary>
    public void EndClause(float tieBreaker)
    {
        for (var i = 0; i < _clauseCount; i++)
        {
            var doc = _clauseTouched[i];
            Add(doc, _clauseMax[doc] + (_clauseSum[doc] - _clauseMax[doc]) * tieBreaker);
        }
    }

    /// <summary>A whole clause's score of a document (a phrase clause).</summary>
    public void Add(int doc, float score)
    {
        // BM25 scores are always positive, so a zero total means "not matched yet".
        if (_totals[doc] == 0)
            _touched[_touchedCount++] = doc;
        _totals[doc] += score;
    }

    /// <summary>The <paramref name="top"/> best documents, as Lucene's <c>TopDocs</c> orders them.</summary>
    public List<(int Doc, float Score)> Top(int top)
    {
        var best = new List<(int Doc, float Score)>(Math.Max(0, Math.Min(top, _touchedCount)));
        if (top <= 0)
            return best;
        for (var i = 0; i < _touchedCount; i++)
        {
            var doc = _touched[i];
            var score = (float)_totals[doc];
            if (best.Count == top && !Before(doc, score, best[^1]))
                continue;
            var at = best.Count;
            while (at > 0 && Before(doc, score, best[at - 1]))
                at--;
            if (best.Count == top)
                best.RemoveAt(top - 1);
            best.Insert(at, (doc, score));
        }
        return best;
    }

    private static bool Before(int doc, float score, (int Doc, float Score) other) =>
        score > other.Score || (score == other.Score && doc < other.Doc);

    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_totals);
        ArrayPool<float>.Shared.Return(_clauseMax);
        ArrayPool<float>.Shared.Return(_clauseSum);
        ArrayPool<int>.Shared.Return(_clauseMark);
        ArrayPool<int>.Shared.Return(_touched);
        ArrayPool<int>.Shared.Return(_clauseTouched);
    }
}
