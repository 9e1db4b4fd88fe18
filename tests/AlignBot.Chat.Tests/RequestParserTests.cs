namespace AlignBot.Chat.Tests;

public sealed class RequestParserTests
{
    private static Intent Parse(string text, ChatAction? action = null) =>
        RequestParser.Parse(ChatRequest.Local(text) with { Action = action });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("?")]
    [InlineData("define")]
    [InlineData("search")]
    [InlineData("related")]
    public void Parse_empty_help_and_bare_commands_ask_for_help(string text) =>
        Assert.IsType<Intent.Help>(Parse(text));

    [Fact]
    public void Parse_commands_take_the_rest_as_argument()
    {
        Assert.Equal(new Intent.Define("reward hacking"), Parse("define   reward hacking"));
        Assert.Equal(new Intent.Define("RLHF"), Parse("Define RLHF"));
        Assert.Equal(new Intent.Search("human feedback"), Parse("search human feedback"));
        Assert.Equal(new Intent.Related("sycophancy"), Parse("related sycophancy"));
        Assert.IsType<Intent.Random>(Parse("random"));
    }

    [Fact]
    public void Parse_the_slash_command_typed_where_there_are_none_reads_the_rest_as_the_request()
    {
        Assert.Equal(new Intent.Define("jailbreak"), Parse("/align define jailbreak"));
        Assert.Equal(new Intent.Daily("on 08:00 America/New_York"), Parse("<at>AlignBot</at> /ALIGN daily on 08:00 America/New_York"));
        Assert.Equal(new Intent.Question("what is sycophancy"), Parse("/align what is sycophancy"));
        Assert.IsType<Intent.Help>(Parse("/align"));
        Assert.IsType<Intent.Help>(Parse("/align /align"));
    }

    [Theory]
    [InlineData("daily on 08:00 America/New_York", "on 08:00 America/New_York")]
    [InlineData("<@U04ABCDEF> daily on 07:30 America/Port_of_Spain weekdays", "on 07:30 America/Port_of_Spain weekdays")]
    [InlineData("<at>AlignBot</at> Daily on", "on")]
    public void Parse_daily_keeps_the_arguments_as_typed_so_zone_names_keep_their_underscores(string text, string arguments) =>
        Assert.Equal(new Intent.Daily(arguments), Parse(text));

    [Theory]
    [InlineData("what is random exploration?")]
    [InlineData("how does reward hacking happen")]
    [InlineData("sycophancy")]
    [InlineData("inner alignment vs outer alignment")]
    public void Parse_anything_else_is_a_question(string text) =>
        Assert.Equal(new Intent.Question(text), Parse(text));

    [Theory]
    [InlineData("help me understand reward hacking", "reward hacking")]
    [InlineData("<@U04ABCDEF|alignbot> eli5 *rlhf* :thinking_face: 🤔", "rlhf")]
    [InlineData("<at>AlignBot</at> <at>Priya Shah</at> what is `sandbagging` <https://example.com/x|in this doc>", "what is sandbagging in this doc")]
    [InlineData("@AlignBot HHH https://example.com/page tl;dr pls", "HHH")]
    public void Parse_reads_the_message_without_platform_noise_and_filler(string text, string question) =>
        Assert.Equal(new Intent.Question(question), Parse(text));

    [Theory]
    [InlineData("<@U04ABCDEF> define reward hacking")]
    [InlineData("<at>AlignBot</at> define reward hacking")]
    public void Parse_finds_a_command_after_a_mention(string text) =>
        Assert.Equal(new Intent.Define("reward hacking"), Parse(text));

    [Fact]
    public void Parse_button_action_wins_over_text()
    {
        Assert.Equal(new Intent.ShowTerm("rlhf"), Parse("ignored", new ChatAction(ActionIds.ShowTerm, "rlhf")));
        Assert.Equal(new Intent.Define("dpo"), Parse("", new ChatAction(ActionIds.Ask, "define dpo")));
        Assert.IsType<Intent.Help>(Parse("", new ChatAction("someone.else", "x")));
    }

    [Fact]
    public void Parse_caps_huge_text()
    {
        var intent = Assert.IsType<Intent.Question>(Parse(new string('a', 100_000)));

        Assert.Equal(RequestParser.MaxTextLength, intent.Text.Length);
    }
}
