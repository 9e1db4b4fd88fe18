using AlignBot.Glossary.Search;

namespace AlignBot.Glossary.Tests;

public sealed class QuestionTextTests
{
    [Theory]
    [InlineData("what is sycophancy", "sycophancy")]
    [InlineData("What's reward hacking?", "reward hacking")]
    [InlineData("whats RLHF??", "RLHF")]
    [InlineData("define goal misgeneralization", "goal misgeneralization")]
    [InlineData("explain scalable oversight please", "scalable oversight")]
    [InlineData("tell me about the orthogonality thesis", "orthogonality thesis")]
    [InlineData("what does reward hacking mean?", "reward hacking")]
    [InlineData("what is a jailbreak", "jailbreak")]
    [InlineData("how does RLHF work?", "RLHF")]
    [InlineData("what are sleeper agents in AI safety?", "sleeper agents")]
    [InlineData("hey, can you explain what is DPO", "DPO")]
    [InlineData("sycophancy", "sycophancy")]
    [InlineData("AI alignment", "AI alignment")]
    [InlineData("?", "")]
    [InlineData("alignment faking paper summary?", "alignment faking")]
    [InlineData("scalable oversight overview", "scalable oversight")]
    [InlineData("the sleeper agents paper", "sleeper agents")]
    [InlineData("how do I prevent prompt injection?", "prompt injection")]
    [InlineData("whats the deal with evals", "evals")]
    [InlineData("wat is rlhf", "rlhf")]
    [InlineData("so how do we detect deceptive alignment", "deceptive alignment")]
    [InlineData("hi, how do I prevent reward hacking?", "reward hacking")]
    [InlineData("whats the best way to avoid sycophancy", "sycophancy")]
    [InlineData("how can we detect deceptive alignment", "deceptive alignment")]
    [InlineData("best ways to mitigate reward hacking", "reward hacking")]
    [InlineData("how to defend against jailbreaks", "jailbreaks")]
    [InlineData("how do i reset my okta password", "i reset my okta password")]
    [InlineData("stop button problem", "stop button problem")]
    public void Subject_strips_question_phrasing(string question, string subject) =>
        Assert.Equal(subject, QuestionText.Subject(question));

    [Theory]
    [InlineData("does jailbreaking count as prompt injection", "jailbreaking", "prompt injection")]
    [InlineData("inner alignment vs outer alignment", "inner alignment", "outer alignment")]
    [InlineData("RLHF vs. DPO?", "RLHF", "DPO")]
    [InlineData("RLHF versus DPO", "RLHF", "DPO")]
    [InlineData("what's the difference between RLHF and DPO?", "RLHF", "DPO")]
    [InlineData("difference between reward hacking and specification gaming", "reward hacking", "specification gaming")]
    [InlineData("compare jailbreak with prompt injection", "jailbreak", "prompt injection")]
    [InlineData("how is sandbagging different from alignment faking", "sandbagging", "alignment faking")]
    [InlineData("is reward hacking basically specification gaming?", "reward hacking", "specification gaming")]
    [InlineData("so in standup, how does alignment faking differ from deceptive alignment", "alignment faking", "deceptive alignment")]
    [InlineData("helpfulness or honesty, which wins when they conflict", "helpfulness", "honesty")]
    public void ComparisonSplits_finds_the_two_subjects(string question, string first, string second) =>
        Assert.Contains([first, second], QuestionText.ComparisonSplits(question));

    [Fact]
    public void ComparisonSplits_finds_three_subjects()
    {
        Assert.Equal(["rlhf", "dpo", "rlaif"], QuestionText.ComparisonSplits("rlhf vs dpo vs rlaif")[0]);
        Assert.Contains(["outer alignment", "inner alignment", "mesa-optimization"],
            QuestionText.ComparisonSplits("what is the difference between outer alignment, inner alignment and mesa-optimization"));
        Assert.Contains(["rlhf", "dpo", "rlaif"], QuestionText.ComparisonSplits("difference between rlhf, dpo, and rlaif"));
    }

    [Theory]
    [InlineData("what is RLHF? and also what's DPO?", "RLHF", "DPO")]
    [InlineData("whats sycophancy? how about sandbagging?", "sycophancy", "sandbagging")]
    [InlineData("corrigibility and also what's shutdown resistance", "corrigibility", "shutdown resistance")]
    [InlineData("I know RLHF; what's DPO?", "I know RLHF", "DPO")]
    [InlineData("what's rlhf? and where's the standup link again", "rlhf", "where's the standup link")]   // "again" is trailing asking
    [InlineData("what is inner alignment. what is outer alignment.", "inner alignment", "outer alignment")]
    public void SeveralQuestions_gives_each_questions_subject_without_its_connecting_words(string message, string first, string second) =>
        Assert.Equal([first, second], QuestionText.SeveralQuestions(message)!.Select(q => q.Subject));

    [Fact]
    public void SeveralQuestions_says_which_were_asked_and_which_are_bare_words()
    {
        Assert.Equal([("RLHF", true), ("honestly", false)], QuestionText.SeveralQuestions("what's RLHF? honestly"));
        Assert.Equal([("RLHF", true), ("DPO", true)], QuestionText.SeveralQuestions("what is RLHF? and DPO?"));
    }

    [Theory]
    [InlineData("what is scheming, e.g. sandbagging?")]
    [InlineData("is the U.S. AI Safety Institute a regulator")]
    public void SeveralQuestions_does_not_end_a_question_at_an_abbreviation(string message) =>
        Assert.Null(QuestionText.SeveralQuestions(message));

    [Theory]
    [InlineData("what is RLHF")]
    [InlineData("what is RLHF?")]
    [InlineData("a? b? c? d? e? f? g?")]
    public void SeveralQuestions_is_null_for_one_question_or_more_than_anyone_asks_at_once(string message) =>
        Assert.Null(QuestionText.SeveralQuestions(message));

    [Theory]
    [InlineData("rlhf and dpo", new[] { "rlhf", "dpo" })]
    [InlineData("red teaming, jailbreaking and adversarial attack", new[] { "red teaming", "jailbreaking", "adversarial attack" })]
    [InlineData("pretraining then supervised fine-tuning", new[] { "pretraining", "supervised fine-tuning" })]
    [InlineData("rlhf + dpo", new[] { "rlhf", "dpo" })]
    public void Listed_splits_a_subject_that_lists_two_or_three_things(string subject, string[] items) =>
        Assert.Equal(items, QuestionText.Listed(subject));

    [Theory]
    [InlineData("reward hacking")]
    [InlineData("a, b, c and d")]
    public void Listed_is_null_for_one_thing_or_more_than_three(string subject) =>
        Assert.Null(QuestionText.Listed(subject));

    [Fact]
    public void ComparisonSplits_offers_every_and_split_when_a_name_holds_and() =>
        Assert.Equal(
            [["helpful, honest", "harmless and honesty"], ["helpful, honest and harmless", "honesty"]],
            QuestionText.ComparisonSplits("difference between helpful, honest and harmless and honesty").Take(2));

    [Theory]
    [InlineData("helpful, honest and harmless")]
    [InlineData("what is reward hacking")]
    [InlineData("sycophancy")]
    public void ComparisonSplits_is_empty_for_plain_questions(string question) =>
        Assert.Empty(QuestionText.ComparisonSplits(question));
}
