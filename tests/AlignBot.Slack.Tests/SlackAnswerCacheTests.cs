using AlignBot.Chat;
using AlignBot.Glossary;

namespace AlignBot.Slack.Tests;

public sealed class SlackAnswerCacheTests
{
    private static readonly TermGlossary Real = TermGlossary.FromDirectory(RepoPaths.Corpus);

    [Fact]
    public void Repeated_question_is_served_from_the_cache_until_the_corpus_changes()
    {
        var glossary = new TermGlossary(Real.Terms);
        var cache = new SlackAnswerCache(glossary);
        var bot = new Bot(glossary);

        cache.Offer("define RLHF", bot.AnswerAtOnce(ChatRequest.Local("define RLHF"))!, [1, 2, 3]);

        Assert.Equal([1, 2, 3], cache.TryGet(" define rlhf ")?.Json);
        glossary.Replace(Real.Terms);
        Assert.Null(cache.TryGet("define rlhf"));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("help")]
    [InlineData("daily status")]
    public void Answers_that_change_from_call_to_call_are_never_cached(string text)
    {
        var cache = new SlackAnswerCache(Real);

        cache.Offer(text, new Bot(Real).AnswerAtOnce(ChatRequest.Local(text))!, [1]);

        Assert.Null(cache.TryGet(text));
    }
}
