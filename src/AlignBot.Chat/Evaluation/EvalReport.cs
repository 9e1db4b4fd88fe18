using System.Globalization;

namespace AlignBot.Chat.Evaluation;

/// <summary>
/// Scores over a set of cases. top1: the right card (or a comparison showing every expected term), nothing
/// answered for '-', the friendly reply for '~'. mrr: mean of 1/rank of the first expected slug in what the user
/// is shown (the card first, then the other candidates; for "no definition found", the suggestions; a comparison
/// scores 1 when it shows every expected term), over the cases that expect a term. false answers: share of '-'
/// cases answered with a card. greetings: share of '~' cases given the friendly reply.
/// </summary>
public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    public double Top1 => Share(Outcomes, o => o.Top1);

    public double Mrr
    {
        get
        {
            var slugCases = Outcomes.Where(o => o.Case.Expected.Count > 0).ToList();
            return slugCases.Count == 0 ? 0 : slugCases.Average(o => o.ReciprocalRank);
        }
    }

    /// <summary>Share of the cases expecting no answer that were answered with a card.</summary>
    public double FalseAnswerRate => Share(Outcomes.Where(o => o.Case.ExpectsNothing), o => o.Carded);

    /// <summary>Share of the greeting cases given the friendly reply.</summary>
    public double GreetingRate => Share(Outcomes.Where(o => o.Case.Expectation == EvalExpectation.Greeting), o => o.Friendly);

    public IEnumerable<EvalOutcome> Misses => Outcomes.Where(o => !o.Top1);

    /// <summary>The cases of one split (dev, holdout).</summary>
    public EvalReport OfSplit(string split) => new(Outcomes.Where(o => o.Case.Split == split).ToList());

    /// <summary>Reports per value of <paramref name="key"/>, in order of first appearance.</summary>
    public IEnumerable<(string Key, EvalReport Report)> By(Func<EvalCase, string> key) =>
        Outcomes.GroupBy(o => key(o.Case)).Select(g => (g.Key, new EvalReport(g.ToList())));

    /// <summary>The one summary line: <c>top1=0.000 mrr=0.000 false=0.000 greet=0.000 n=N</c> (mrr, false and greet only when the set has such cases).</summary>
    public string Summary
    {
        get
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"top1={Top1:F3}");
            if (Outcomes.Any(o => o.Case.Expected.Count > 0))
                line += string.Create(CultureInfo.InvariantCulture, $" mrr={Mrr:F3}");
            if (Outcomes.Any(o => o.Case.ExpectsNothing))
                line += string.Create(CultureInfo.InvariantCulture, $" false={FalseAnswerRate:F3}");
            if (Outcomes.Any(o => o.Case.Expectation == EvalExpectation.Greeting))
                line += string.Create(CultureInfo.InvariantCulture, $" greet={GreetingRate:F3}");
            return line + $" n={Outcomes.Count}";
        }
    }

    private static double Share(IEnumerable<EvalOutcome> outcomes, Func<EvalOutcome, bool> test)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : list.Count(test) / (double)list.Count;
    }
}
