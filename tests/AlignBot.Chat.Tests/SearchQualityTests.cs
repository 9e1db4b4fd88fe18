using AlignBot.Chat.Evaluation;

namespace AlignBot.Chat.Tests;

/// <summary>
/// Floors for search quality, so a change to the corpus, analysis or ranking cannot silently degrade it.
/// Measured when set: eval/dev.tsv top1=1.000 mrr=1.000; eval/search-cases.tsv top1=0.991 mrr=1.000; eval/chat-cases.tsv
/// dev split top1=0.891 mrr=0.956 false answers 0.048 (3 of 62), holdout top1=0.860 mrr=0.927 false 0.100. The issue's
/// chat floors (top1 ≥ 0.92, mrr ≥ 0.95, false answers ≤ 3%) are not reached yet: the chat test holds what was
/// reached on the dev split, and the holdout split is reported, never tuned on or held here.
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
    public void Dev_set_scores_at_least_098()
    {
        var report = Run(RepoPaths.DevSet);

        Assert.True(report.Outcomes.Count >= 60, "the development set shrank");
        Assert.True(report.Top1 >= 0.98 && report.Mrr >= 0.98, Misses(report));
    }

    [Fact]
    public void Own_search_cases_score_at_least_098()
    {
        var report = Run(RepoPaths.SearchCases);

        Assert.True(report.Outcomes.Count >= 150, "the case set shrank");
        Assert.True(report.Top1 >= 0.98 && report.Mrr >= 0.98, Misses(report));
    }

    [Fact]
    public void Chat_cases_dev_split_holds_what_was_reached()
    {
        var report = Run(RepoPaths.ChatCases).OfSplit("dev");

        Assert.True(report.Outcomes.Count >= 300, "the chat dev split shrank");
        Assert.True(report.Top1 >= 0.89 && report.Mrr >= 0.95, Misses(report));
        Assert.True(report.FalseAnswerRate <= 0.05, Misses(report));
        Assert.Equal(1.0, report.GreetingRate);
    }
}
