namespace AlignBot.Glossary.Search;

/// <summary>
/// The answer to "what is X?": the term (or none), how it was found, the ranked hits behind it, and up to three
/// "did you mean" terms when there is no answer.
/// </summary>
public sealed record LookupResult(
    string Question,
    string Subject,
    Term? Answer,
    MatchKind Kind,
    IReadOnlyList<SearchHit> Ranked,
    IReadOnlyList<Term> DidYouMean)
{
    public bool Found => Answer is not null;

    /// <summary>
    /// A short question with a distinctive word its best hit's entry never uses: not answered, by ranked search or by the
    /// sentence model (see <c>LookupEngine.ShortQuestionWords</c>).
    /// </summary>
    public bool Uncovered { get; init; }

    /// <summary>How much of a question a hit must explain to be offered as a candidate ("did you mean").</summary>
    public const double SuggestCoverage = LookupEngine.SuggestCoverage;
}
