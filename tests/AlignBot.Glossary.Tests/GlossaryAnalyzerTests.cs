using AlignBot.Glossary.Analysis;

namespace AlignBot.Glossary.Tests;

public sealed class GlossaryAnalyzerTests
{
    [Theory]
    [InlineData("What is IT?", new[] { "what", "is", "it" })]
    [InlineData("reward hacking", new[] { "reward", "hack" })]
    [InlineData("R.L.H.F.", new[] { "rlhf" })]
    [InlineData("RLHF and DPO", new[] { "rlhf", "and", "dpo" })]
    [InlineData("Goodhart's law", new[] { "goodhart", "law" })]
    [InlineData("goal misgeneralisation", new[] { "goal", "misgener" })]
    [InlineData("goal misgeneralization", new[] { "goal", "misgener" })]
    [InlineData("optimisation behaviour", new[] { "optim", "behavior" })]
    [InlineData("reward modelling", new[] { "reward", "model" })]
    [InlineData("jailbreaks", new[] { "jailbreak" })]
    [InlineData("Naïve", new[] { "naiv" })]
    public void Analyze_keeps_short_tokens_stems_and_maps_british_spelling(string text, string[] expected) =>
        Assert.Equal(expected, Tokens.Of(new GlossaryAnalyzer(), text));

    [Fact]
    public void Analyze_without_stemming_keeps_whole_words() =>
        Assert.Equal(["sandbagging", "optimization"], Tokens.Of(new GlossaryAnalyzer(stem: false), "Sandbagging optimisation"));

    [Theory]
    [InlineData("optimise", "optimize")]
    [InlineData("organisations", "organizations")]
    [InlineData("generalising", "generalizing")]
    [InlineData("analyse", "analyze")]
    [InlineData("behavioural", "behavioral")]
    [InlineData("modelling", "modeling")]
    [InlineData("defence", "defense")]
    [InlineData("supervise", "supervise")]
    [InlineData("exercise", "exercise")]
    [InlineData("promise", "promise")]
    [InlineData("noise", "noise")]
    [InlineData("rise", "rise")]
    public void ToAmerican_rewrites_regular_families_and_leaves_true_ise_words(string british, string american) =>
        Assert.Equal(american, BritishSpelling.ToAmerican(british));

    [Theory]
    [InlineData("R.L.H.F.", "rlhf")]
    [InlineData("jail break", "jailbreak")]
    [InlineData("Goodhart’s law", "goodhartslaw")]
    [InlineData("Capability–alignment gap", "capabilityalignmentgap")]
    public void Compact_ignores_case_space_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, TextKeys.Compact(text));
}
