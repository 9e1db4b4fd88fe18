using AlignBot.Chat.Evaluation;
using AlignBot.Glossary;

namespace AlignBot.Chat.Tests;

/// <summary>
/// Floors for search quality, so a change to the corpus, analysis or ranking cannot silently degrade it; hybrid search
/// (the sentence model on, as deployed by default: its int8 copy) and lexical only (<c>Search:Semantic=false</c>).
/// Measured when set (eval/README.md has every reading), hybrid: eval/dev.tsv 1.000/1.000; eval/search-cases.tsv
/// 0.996/1.000; eval/chat-cases.tsv dev split top1=0.952 mrr=0.972 false answers 0.016 (1 of 62), holdout
/// 0.920/0.954/0.000; eval/chat-gate-dev.tsv 0.957/0.960/0.008, eval/chat-gate-holdout.tsv 0.943/0.971/0.038. Lexical
/// only: 1.000/1.000, 0.987/1.000, chat dev 0.900/0.956/0.016, chat holdout 0.890/0.940/0.050, gate dev
/// 0.933/0.955/0.024, gate holdout 0.909/0.971/0.038. Both chat splits meet the issue's floors (top1 ≥ 0.92, mrr ≥
/// 0.95, false answers ≤ 3%) with the model and are held there (the dev split with a little more); lexical only and
/// the gate sets are held at what they reached. The holdouts are never tuned on: a failure here shows their summary,
/// never their lines.
/// </summary>
public sealed class SearchQualityTests(RealGlossary real, HybridGlossary hybrid) : IClassFixture<RealGlossary>, IClassFixture<HybridGlossary>
{
    private static EvalReport Run(TermGlossary glossary, string file)
    {
        Assert.True(File.Exists(file), $"{file} is missing from the checkout");
        return new SearchEvaluator(new Bot(glossary), glossary).Run(EvalCase.Parse(File.ReadLines(file)));
    }

    private static string Misses(EvalReport report) =>
        report.Summary + "\n" + string.Join("\n", report.Misses.Select(m => $"{m.Case.Query} → {m.Answered ?? "nothing"}"));

    public static TheoryData<bool> Modes => [true, false];

    private TermGlossary Glossary(bool semantic) => semantic ? hybrid.Glossary : real.Glossary;

    [Theory]
    [MemberData(nameof(Modes))]
    public void Dev_set_scores_at_least_098(bool semantic)
    {
        var report = Run(Glossary(semantic), RepoPaths.DevSet);

        Assert.True(report.Outcomes.Count >= 60, "the development set shrank");
        Assert.True(report.Top1 >= 0.98 && report.Mrr >= 0.98, Misses(report));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Own_search_cases_score_at_least_098(bool semantic)
    {
        var report = Run(Glossary(semantic), RepoPaths.SearchCases);

        Assert.True(report.Outcomes.Count >= 150, "the case set shrank");
        Assert.True(report.Top1 >= 0.98 && report.Mrr >= 0.98, Misses(report));
    }

    [Fact]
    public void Chat_cases_dev_split_meets_the_issue_floors_with_the_sentence_model()
    {
        var report = Run(hybrid.Glossary, RepoPaths.ChatCases).OfSplit("dev");

        Assert.True(report.Outcomes.Count >= 300, "the chat dev split shrank");
        Assert.True(report.Top1 >= 0.95 && report.Mrr >= 0.97, Misses(report));
        Assert.True(report.FalseAnswerRate <= 0.02, Misses(report));
        Assert.Equal(1.0, report.GreetingRate);
    }

    [Fact]
    public void Chat_cases_holdout_split_meets_the_issue_floors_with_the_sentence_model()
    {
        var report = Run(hybrid.Glossary, RepoPaths.ChatCases).OfSplit(EvalCase.HoldoutSplit);

        Assert.True(report.Outcomes.Count >= 100, "the chat holdout split shrank");
        Assert.True(report.Top1 >= 0.92 && report.Mrr >= 0.95, report.Summary);   // the summary only: its lines stay unread
        Assert.True(report.FalseAnswerRate <= 0.03, report.Summary);
    }

    [Fact]
    public void Chat_cases_dev_split_lexical_only_holds_what_was_reached()
    {
        var report = Run(real.Glossary, RepoPaths.ChatCases).OfSplit("dev");

        Assert.True(report.Outcomes.Count >= 300, "the chat dev split shrank");
        Assert.True(report.Top1 >= 0.90 && report.Mrr >= 0.95, Misses(report));
        Assert.True(report.FalseAnswerRate <= 0.02, Misses(report));
        Assert.Equal(1.0, report.GreetingRate);
    }

    public static TheoryData<bool, string, double, double, double> GateFloors => new()
    {
        { true, "dev", 0.95, 0.96, 0.02 },
        { true, "holdout", 0.94, 0.97, 0.04 },
        { false, "dev", 0.93, 0.95, 0.03 },
        { false, "holdout", 0.90, 0.97, 0.04 },
    };

    [Theory]
    [MemberData(nameof(GateFloors))]
    public void Chat_gate_sets_hold_what_was_reached(bool semantic, string split, double top1, double mrr, double falseAnswers)
    {
        var report = Run(Glossary(semantic), split == EvalCase.HoldoutSplit ? RepoPaths.ChatGateHoldout : RepoPaths.ChatGateDev).OfSplit(split);

        Assert.True(report.Outcomes.Count >= (split == EvalCase.HoldoutSplit ? 85 : 200), $"the chat gate {split} set shrank");
        Assert.True(report.Top1 >= top1 && report.Mrr >= mrr, report.Summary);
        Assert.True(report.FalseAnswerRate <= falseAnswers, report.Summary);
    }

    public static TheoryData<bool, double, double, double> CompoundFloors => new()
    {
        { true, 0.83, 0.88, 0.05 },
        { false, 0.82, 0.88, 0.05 },
    };

    /// <summary>
    /// Messages about several terms at once (eval/chat-multi-dev.tsv, dev: 0.967 / 0.982, no false answers, in both modes)
    /// and compound chat messages (eval/chat-compound.tsv, all holdout, third reading: hybrid 0.836 / 0.887, lexical
    /// 0.821 / 0.887, false answers 1 of 20 in both), held at what they reached.
    /// </summary>
    [Theory]
    [MemberData(nameof(CompoundFloors))]
    public void Compound_chat_sets_hold_what_was_reached(bool semantic, double top1, double mrr, double falseAnswers)
    {
        var several = Run(Glossary(semantic), RepoPaths.ChatMultiDev);
        var compound = Run(Glossary(semantic), RepoPaths.ChatCompound);

        Assert.True(several.Outcomes.Count >= 60 && compound.Outcomes.Count >= 140, "a compound chat set shrank");
        Assert.True(several.Top1 >= 0.96 && several.Mrr >= 0.98 && several.FalseAnswerRate == 0, Misses(several));
        Assert.True(compound.Top1 >= top1 && compound.Mrr >= mrr, compound.Summary);
        Assert.True(compound.FalseAnswerRate <= falseAnswers, compound.Summary);
    }
}
