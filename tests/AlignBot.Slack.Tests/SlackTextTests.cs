namespace AlignBot.Slack.Tests;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("a & b < c > d", "a &amp; b &lt; c &gt; d")]
    [InlineData("<!channel> hi", "&lt;!channel&gt; hi")]
    [InlineData("ping @channel and @here", "ping @\u2060channel and @\u2060here")]
    [InlineData("<http://evil.example|click>", "&lt;http://evil.example|click&gt;")]
    public void Escape_neutralises_control_characters_and_broadcasts(string text, string expected) =>
        Assert.Equal(expected, SlackText.Escape(text));

    [Theory]
    [InlineData("<@U05BQ7ALGN> define   RLHF please", "define RLHF please")]
    [InlineData("<!channel> what is <#C123|general> sycophancy", "what is #general sycophancy")]
    [InlineData("see <https://example.org|this page> &amp; &lt;that&gt;", "see this page & <that>")]
    [InlineData("<https://example.org>", "https://example.org")]
    public void ToPlain_strips_mentions_and_decodes(string wire, string expected) =>
        Assert.Equal(expected, SlackText.ToPlain(wire));

    [Fact]
    public void FromMarkdown_converts_bold_links_and_escapes()
    {
        var mrkdwn = SlackText.FromMarkdown("**Bold** & [a paper](https://arxiv.org/abs/1) <b>");

        Assert.Equal("*Bold* &amp; <https://arxiv.org/abs/1|a paper> &lt;b&gt;", mrkdwn);
    }

    [Fact]
    public void Link_cannot_break_out_of_its_brackets()
    {
        Assert.Equal("<https://example.org/a%7Cb%3E|x¦y &lt;!here&gt;>", SlackText.Link("https://example.org/a|b>", "x|y <!here>"));
        Assert.Equal("label", SlackText.Link("javascript:alert(1)", "label"));
    }

    [Fact]
    public void Truncate_keeps_within_the_limit_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));

        var cut = SlackText.Truncate(text, 75);

        Assert.True(cut.Length <= 75);
        Assert.EndsWith("…", cut);
    }
}
