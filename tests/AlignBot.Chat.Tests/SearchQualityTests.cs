using AlignBot.Chat.Evaluation;

namespace AlignBot.Chat.Tests;

/// <summary>
/// Floors for search quality, so a change to the corpus, analysis or ranking cannot silently degrade it.
/// Measured when set: eval/dev.tsv top1=0.984 mrr=1.000; eval/search-cases.tsv as recorded in the test below.
/// </summary>
public sealed class SearchQualityTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    private EvalReport Run(string file)
    {
        Assert.True(File.Exists(file), $"{file} is missing from the checkout");
        return new SearchEvaluator(new Bot(real.Glossary), real.Glossary).Run(EvalCase.Parse(File.ReadLines(file)));
    }

    private static string Misses(EvalReport report) =>
        report.Summary + "\n" + string.Join("\n", report.Misses.Select(m => $"{m.Case.Query} → {m.Answered ?? "nothing"}"));

    [Fact]
    public void Dev_set_scores_at_least_095()
    {
        var report = Run(RepoPaths.DevSet);

        Assert.True(report.Outcomes.Count >= 60, "the development set shrank");
        Assert.True(report.Top1 >= 0.95 && report.Mrr >= 0.95, Misses(report));
    }

    [Fact]
    public void Own_search_cases_score_at_least_their_floor()
    {
        var report = Run(RepoPaths.SearchCases);

        Assert.True(report.Outcomes.Count >= 150, "the case set shrank");
        Assert.True(report.Top1 >= 0.90 && report.Mrr >= 0.90, Misses(report));
    }
}
