using System.Globalization;

namespace AlignBot.Chat.Evaluation;

/// <summary>
/// Scores over a set of cases. top1: the answered term is one of the expected, or nothing was answered for '-'.
/// mrr: mean of 1/rank of the first expected slug in what the user is shown (the card first, then the other
/// ranked hits; for "no definition found", the suggestions), over the cases that expect a slug.
/// </summary>
public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    public double Top1 => Outcomes.Count == 0 ? 0 : Outcomes.Count(o => o.Top1) / (double)Outcomes.Count;

    public double Mrr
    {
        get
        {
            var slugCases = Outcomes.Where(o => !o.Case.ExpectsNothing).ToList();
            return slugCases.Count == 0 ? 0 : slugCases.Average(o => o.ReciprocalRank);
        }
    }

    public IEnumerable<EvalOutcome> Misses => Outcomes.Where(o => !o.Top1);

    /// <summary>The one summary line: <c>top1=0.000 mrr=0.000 n=N</c>.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"top1={Top1:F3} mrr={Mrr:F3} n={Outcomes.Count}");
}
