namespace AlignBot.Chat.Tests;

/// <summary>Hostile and odd chat text through the whole understanding path: always a reply, never an exception.</summary>
public sealed class BadChatInputTests(RealGlossary real) : IClassFixture<RealGlossary>
{
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

    [Fact]
    public void Only_emoji_and_mentions_get_the_friendly_reply() =>
        Assert.IsType<Reply.Greeting>(Ask(string.Concat(Enumerable.Repeat("<@U04ABCDEF> :wave: 👋 ", 2_000))));

    [Fact]
    public void A_question_after_noise_is_still_found() =>
        Assert.Equal("rlhf", Assert.IsType<Reply.TermCard>(Ask("<@U04ABCDEF> :thinking_face: 🤔 what is rlhf ???")).Term.Slug);
}
