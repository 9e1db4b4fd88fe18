using AlignBot.Glossary.Search;
using FsCheck.Xunit;

namespace AlignBot.Chat.Tests;

/// <summary>Request understanding never fails, whatever people type: any text gets some reply.</summary>
public sealed class UnderstandingProperties(RealGlossary real) : IClassFixture<RealGlossary>
{
    [Property(MaxTest = 300, Arbitrary = [typeof(ChatTextArbitrary)])]
    public bool Any_text_gets_a_reply_and_never_throws(string text)
    {
        var reply = new Bot(real.Glossary, new Random(1)).AnswerFromGlossary(ChatRequest.Local(text));
        return reply is not null;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(ChatTextArbitrary)])]
    public bool Subject_is_never_longer_than_the_question(string text) =>
        QuestionText.Subject(text).Length <= text.Length;

    [Property(MaxTest = 300, Arbitrary = [typeof(ChatTextArbitrary)])]
    public bool Comparison_splits_are_never_empty(string text) =>
        QuestionText.ComparisonSplits(text).All(s => s.Count is >= 2 and <= QuestionText.MaxCompared && s.All(p => p.Length > 0));
}
