using System.Text.Json;

namespace AlignBot.Teams.Tests;

public sealed class TeamsTextTests
{
    private static Activity Parse(string json) => Activity.TryParse(JsonDocument.Parse(json).RootElement)!;

    [Fact]
    public void Mention_of_the_bot_is_removed_using_the_entities()
    {
        var activity = Parse(Fixtures.Text("teams/message_channel_mention.json"));

        Assert.Equal("what is reward hacking", TeamsText.WithoutBotMention(activity));
    }

    [Fact]
    public void Docs_sample_with_an_entity_text_not_in_the_message_is_still_cleaned()
    {
        var activity = Parse(Fixtures.Text("teams/message_mention.docs.json"));

        Assert.DoesNotContain("<at>", TeamsText.WithoutBotMention(activity));
    }

    [Fact]
    public void Other_peoples_mentions_keep_their_names()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>AlignBot</at> what did <at>Megan</at> mean by sycophancy","recipient":{"id":"28:bot","name":"AlignBot"},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"AlignBot"},"text":"<at>AlignBot</at>"},
                         {"type":"mention","mentioned":{"id":"29:megan","name":"Megan"},"text":"<at>Megan</at>"}]}
            """);

        Assert.Equal("what did Megan mean by sycophancy", TeamsText.WithoutBotMention(activity));
    }

    [Fact]
    public void Activity_parse_tolerates_nulls_and_unknown_fields()
    {
        var activity = Parse("""{"type":"message","text":null,"from":null,"conversation":{"id":"c"},"value":null,"whatever":[1,{"x":2}]}""");

        Assert.Equal(("message", "c", null), (activity.Type, activity.ConversationId, activity.Text));
        Assert.Null(activity.Value);
    }

    [Theory]
    [InlineData("https://example.org/a_(b)/${c}", "[label \\*1\\*](https://example.org/a_%28b%29/%24%7Bc%7D)")]
    [InlineData("javascript:alert(1)", "label \\*1\\*")]
    [InlineData("/relative", "label \\*1\\*")]
    public void Links_only_to_http_addresses_that_cannot_break_out_of_the_markdown(string url, string expected) =>
        Assert.Equal(expected, TeamsText.Link("label *1*", url));

    [Fact]
    public void Plain_text_carries_no_html_and_no_template_expression() =>
        Assert.Equal("‹b›$\u2060{x}‹/b›", TeamsText.Plain("<b>${x}</b>"));
}
