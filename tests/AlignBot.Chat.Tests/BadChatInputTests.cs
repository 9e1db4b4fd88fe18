using System.Diagnostics;

namespace AlignBot.Chat.Tests;

/// <summary>
/// Hostile and odd chat text through the whole understanding path, with and without the sentence model: always a reply,
/// never an exception, and never slower than a bounded run of the model.
/// </summary>
public sealed class BadChatInputTests(RealGlossary real, HybridGlossary hybrid) : IClassFixture<RealGlossary>, IClassFixture<HybridGlossary>
{
    /// <summary>
    /// Far above the semantic budget (p99 15 ms; the model reads at most 128 tokens, so no input costs more than that),
    /// far below what a pathological pattern or a quadratic loop over 10 KB would cost: the bound a shared test machine
    /// keeps without flaking.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(150);

    private Reply Ask(string text) => new Bot(real.Glossary).AnswerFromGlossary(ChatRequest.Local(text, Platform.Slack));

    public static TheoryData<string, string> Inputs => new()
    {
        { "10 KB of emoji", string.Concat(Enumerable.Repeat("😀👍🏽🇪🇺❤️‍🔥", 10_240 / 16)) },
        { "4,000 mentions", string.Concat(Enumerable.Repeat("<@U04ABCDEF> ", 4_000)) },
        { "4,000 Teams mentions", string.Concat(Enumerable.Repeat("<at>AlignBot</at>", 4_000)) },
        { "only punctuation", "?!?!...,,,;;;:::---___***~~~```" },
        { "mixed scripts", "что такое RLHF 和 sycophancy とは 무엇 ما هو" },
        { "right to left", "\u202Eما هو التوافق\u202C reward hacking \u200F" },
        { "unclosed markup", "<at>AlignBot what is <https://x|rlhf `sycophancy" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Bad_input_gets_a_reply_or_a_clear_no_definition(string name, string text)
    {
        var reply = Ask(text);

        Assert.True(reply is Reply.Greeting or Reply.NotFound or Reply.TermCard or Reply.Comparison or Reply.Help, name);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Bad_input_through_the_sentence_model_gets_a_reply_within_the_budget(string name, string text)
    {
        var bot = new Bot(hybrid.Glossary);
        bot.AnswerFromGlossary(ChatRequest.Local("so what does it mean when a model games its metric", Platform.Slack));   // warm: JIT, model session

        var watch = Stopwatch.StartNew();
        var reply = bot.AnswerFromGlossary(ChatRequest.Local(text, Platform.Slack));
        watch.Stop();

        Assert.True(reply is Reply.Greeting or Reply.NotFound or Reply.TermCard or Reply.Comparison or Reply.Help, name);
        Assert.True(watch.Elapsed < Budget, $"{name}: {watch.Elapsed.TotalMilliseconds:0.0} ms");
    }

    [Fact]
    public void Only_emoji_and_mentions_get_the_friendly_reply() =>
        Assert.IsType<Reply.Greeting>(Ask(string.Concat(Enumerable.Repeat("<@U04ABCDEF> :wave: 👋 ", 2_000))));

    [Fact]
    public void A_question_after_noise_is_still_found() =>
        Assert.Equal("rlhf", Assert.IsType<Reply.TermCard>(Ask("<@U04ABCDEF> :thinking_face: 🤔 what is rlhf ???")).Term.Slug);
}
