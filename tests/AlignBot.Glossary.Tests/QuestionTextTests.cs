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
    public void SeveralQuestions_gives_each_questions_subject(string message, string first, string second) =>
        Assert.Equal([first, second], QuestionText.SeveralQuestions(message));

    [Theory]
    [InlineData("what is RLHF? i read about it in a paper")]
    [InlineData("what is RLHF")]
    [InlineData("what is RLHF? and DPO? and PPO? and RLAIF?")]
    public void SeveralQuestions_is_null_for_one_question_or_a_second_that_asks_nothing(string message) =>
        Assert.Null(QuestionText.SeveralQuestions(message));

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
