using AlignBot.Chat.Evaluation;

namespace AlignBot.Chat.Tests;

public sealed class EvalTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    [Fact]
    public void Parse_reads_slugs_alternatives_and_dashes_and_skips_comments()
    {
        var cases = EvalCase.Parse(["# comment", "", "sycophancy\tsycophancy", "x vs y\ta|b", "pizza\t-"]);

        Assert.Equal([3, 4, 5], cases.Select(c => c.Line));
        Assert.Equal(["a", "b"], cases[1].Expected);
        Assert.True(cases[2].ExpectsNothing);
    }

    [Fact]
    public void Parse_line_without_tab_is_a_format_error() =>
        Assert.Contains("line 1", Assert.Throws<FormatException>(() => EvalCase.Parse(["no tab here"])).Message);

    [Fact]
    public void Run_scores_top1_and_mrr_as_defined()
    {
        var evaluator = new SearchEvaluator(new Bot(real.Glossary), real.Glossary);
        var report = evaluator.Run(EvalCase.Parse(["sycophancy\tsycophancy", "sycophancy\thonesty", "best pizza in town\t-", "sycophancy\t-"]));

        Assert.Equal([true, false, true, false], report.Outcomes.Select(o => o.Top1));
        Assert.Equal(0.5, report.Top1);
        var honestyRank = report.Outcomes[1].Ranked.ToList().IndexOf("honesty");
        Assert.Equal((1 + (honestyRank < 0 ? 0 : 1.0 / (honestyRank + 1))) / 2, report.Mrr, 6);
        Assert.Matches(@"^top1=0\.500 mrr=\d\.\d{3} false=\d\.\d{3} n=4$", report.Summary);
    }

    [Fact]
    public void A_search_command_is_right_at_top1_when_its_first_result_is_expected()
    {
        var evaluator = new SearchEvaluator(new Bot(real.Glossary), real.Glossary);
        var report = evaluator.Run(EvalCase.Parse(["search sycophancy\tsycophancy", "search sycophancy\thonesty"]));

        Assert.Equal([true, false], report.Outcomes.Select(o => o.Top1));
    }
}
