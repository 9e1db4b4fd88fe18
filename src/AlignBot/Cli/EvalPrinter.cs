using AlignBot.Chat.Evaluation;

namespace AlignBot.Cli;

/// <summary>
/// Prints an eval report: each miss outside the holdout split (of the holdout, only how many), then one line per split
/// and per pattern when the set has them, and last the summary line over the whole set.
/// </summary>
internal static class EvalPrinter
{
    public static void Print(EvalReport report, TextWriter output)
    {
        foreach (var miss in report.Misses.Where(m => !m.Case.Holdout))
        {
            var expected = miss.Case.Expectation switch
            {
                EvalExpectation.Nothing => "no answer",
                EvalExpectation.Greeting => "a friendly reply",
                EvalExpectation.Comparison => string.Join('+', miss.Case.Expected),
                _ => string.Join('|', miss.Case.Expected),
            };
            output.WriteLine($"miss line {miss.Case.Line}: \"{miss.Case.Query}\" expected {expected}, answered {miss.Answered ?? "nothing"}"
                + (miss.Ranked.Count > 0 ? $" (shown: {string.Join(", ", miss.Ranked.Take(5))})" : ""));
        }
        var heldOut = report.Misses.Count(m => m.Case.Holdout);
        if (heldOut > 0)
            output.WriteLine($"{heldOut} holdout misses, not shown: the holdout is reported by its figures only");
        if (report.Outcomes.Any(o => o.Case.Split != EvalCase.NoSplit))
        {
            foreach (var (split, part) in report.By(c => c.Split))
                output.WriteLine($"split {split,-12} {part.Summary}");
        }
        if (report.Outcomes.Any(o => o.Case.Pattern != EvalCase.NoPattern))
        {
            foreach (var (split, part) in report.By(c => c.Split))
            {
                foreach (var (pattern, byPattern) in part.By(c => c.Pattern))
                    output.WriteLine($"{split,-8} {pattern,-12} {byPattern.Summary}");
            }
        }
        output.WriteLine(report.Summary);
    }
}
