using AlignBot.Chat;
using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;

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

    [Fact]
    public void Different_words_for_the_same_plain_card_share_one_serialization_until_the_corpus_is_reloaded()
    {
        var glossary = new TermGlossary(Real.Terms);
        var cache = new SlackAnswerCache(glossary);
        var bot = new Bot(glossary);
        var serialized = 0;
        byte[] Serialize(Reply reply) => [(byte)++serialized];

        var answers = new[] { "define RLHF", "what is rlhf?", "can someone explain reinforcement learning from human feedback" }
            .Select(text => cache.Serialized(bot.AnswerAtOnce(ChatRequest.Local(text))!.Reply, Serialize)).ToList();

        Assert.All(answers, json => Assert.Equal([1], json));
        glossary.Replace(CorpusLoader.Load(RepoPaths.Corpus).EnsureValid());   // new term objects
        Assert.Equal([2], cache.Serialized(bot.AnswerAtOnce(ChatRequest.Local("define rlhf"))!.Reply, Serialize));
    }

    [Theory]
    [InlineData("what is sychophancy")]   // corrected: the card says what was typed
    [InlineData("what is corrigibility in christiano's broad sense")]   // senses in the order asked
    [InlineData("rlhf vs dpo")]
    [InlineData("best pizza in town")]
    public void Other_answers_are_serialized_each_time(string text)
    {
        var cache = new SlackAnswerCache(Real);
        var reply = new Bot(Real).AnswerAtOnce(ChatRequest.Local(text))!.Reply;
        var serialized = 0;

        cache.Serialized(reply, _ => [(byte)++serialized]);
        cache.Serialized(reply, _ => [(byte)++serialized]);

        Assert.Equal(2, serialized);
    }
}
