using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Slack.Tests;

/// <summary>The slash-command answer cache: per corpus version, per workspace, and never for a workspace with terms of its own.</summary>
public sealed class SlackAnswerCacheTests : IDisposable
{
    private static readonly TermGlossary Real = TermGlossary.FromDirectory(RepoPaths.Corpus);
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Repeated_question_is_served_from_the_cache_until_the_corpus_changes()
    {
        var glossary = new TermGlossary(Real.Terms);
        var cache = new SlackAnswerCache(glossary);
        var bot = new Bot(glossary);

        cache.Offer("T1", "define RLHF", bot.AnswerAtOnce(ChatRequest.Local("define RLHF"))!, [1, 2, 3]);

        Assert.Equal([1, 2, 3], cache.TryGet("T1", " define rlhf ")?.Json);
        glossary.Replace(Real.Terms);
        Assert.Null(cache.TryGet("T1", "define rlhf"));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("help")]
    [InlineData("daily status")]
    public void Answers_that_change_from_call_to_call_are_never_cached(string text)
    {
        var cache = new SlackAnswerCache(Real);

        cache.Offer("T1", text, new Bot(Real).AnswerAtOnce(ChatRequest.Local(text))!, [1]);

        Assert.Null(cache.TryGet("T1", text));
    }

    [Fact]
    public async Task An_answer_cached_in_one_workspace_is_not_served_in_another_nor_in_one_with_its_own_terms()
    {
        var store = new SqliteDatabase(_database.ConnectionString);
        var workspaces = new WorkspaceGlossaries(store.WorkspaceTerms, NullLogger<WorkspaceGlossaries>.Instance);
        var cache = new SlackAnswerCache(Real, workspaces);
        var bot = new Bot(Real, workspaces: workspaces);
        var elsewhere = new ChatRequest(Platform.Slack, "define blue team", new ChatUser("U1"), new ChatPlace("T-other", "C1"));
        await bot.RunAsync(elsewhere);   // loads T-other: no terms of its own
        cache.Offer("T-other", "define blue team", bot.AnswerAtOnce(elsewhere)!, [1]);
        var mine = new WorkspaceKey(Platform.Slack, "T-mine");
        await store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(mine, "blue-team",
            new TermDraft("Blue team", [], "The defenders in an exercise where a red team attacks a system.", null, []), "U1", "U2", DateTimeOffset.UnixEpoch),
            TermChange.Approved, "U2", DateTimeOffset.UnixEpoch);
        await workspaces.ReloadAsync(mine);
        cache.Offer("T-mine", "define blue team", new ImmediateAnswer(new Reply.NotFound("blue team", []), MayBeCached: true), [2]);

        Assert.Equal([1], cache.TryGet("T-other", "define blue team")?.Json);
        Assert.Null(cache.TryGet("T-mine", "define blue team"));
        Assert.Null(cache.TryGet("T-third", "define blue team"));
        Assert.False(bot.AnswerAtOnce(elsewhere with { Place = new ChatPlace("T-mine", "C1") })!.MayBeCached);
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
