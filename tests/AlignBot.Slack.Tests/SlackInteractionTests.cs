using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat;

namespace AlignBot.Slack.Tests;

/// <summary><c>POST /slack/interactions</c> and <c>/slack/options</c>, from Slack's own payloads with AlignBot's ids.</summary>
public sealed class SlackInteractionTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JsonNode Click(string actionId, string value, bool ephemeral = true)
    {
        var payload = JsonNode.Parse(Fixtures.Text("slack/block_actions.json"))!;
        payload["response_url"] = _host.Slack.ResponseUrl();
        payload["container"]!["is_ephemeral"] = ephemeral;
        payload["actions"]![0]!["action_id"] = actionId;
        payload["actions"]![0]!["value"] = value;
        return payload;
    }

    private static StringContent Form(JsonNode payload) =>
        new("payload=" + Uri.EscapeDataString(payload.ToJsonString()), Encoding.UTF8, "application/x-www-form-urlencoded");

    [Fact]
    public async Task Related_term_button_replaces_the_private_card_with_that_term()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/interactions", Form(Click($"{ActionIds.ShowTerm}:rlhf", "rlhf")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hook = Assert.Single(await _host.Slack.WaitForAsync(1));
        Assert.Equal("/hooks/1", hook.Path);
        Assert.Null(hook.Authorization);
        var message = JsonNode.Parse(hook.Body)!;
        Assert.True((bool?)message["replace_original"]);
        Assert.Equal("Reinforcement learning from human feedback", (string?)message["blocks"]![0]!["text"]!["text"]);
        CardArtifacts.Write("slack", "e2e_click_related", hook.Body);
    }

    [Fact]
    public async Task Button_on_a_public_card_answers_the_clicker_privately()
    {
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/interactions", Form(Click($"{ActionIds.ShowTerm}:dpo", "dpo", ephemeral: false)));

        var message = JsonNode.Parse(Assert.Single(await _host.Slack.WaitForAsync(1)).Body)!;
        Assert.Equal("ephemeral", (string?)message["response_type"]);
        Assert.False((bool?)message["replace_original"]);
    }

    [Fact]
    public async Task Share_in_channel_deletes_the_private_card_and_posts_it_publicly()
    {
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/interactions", Form(Click(SlackActions.Share, "term:sycophancy")));

        var hook = Assert.Single(await _host.Slack.WaitForAsync(1));
        var message = JsonNode.Parse(hook.Body)!;
        Assert.Equal("in_channel", (string?)message["response_type"]);
        Assert.True((bool?)message["delete_original"]);
        Assert.Contains("Shared by <@U03JX2PLN4>", hook.Body);
        Assert.DoesNotContain(SlackActions.Share, hook.Body);
        CardArtifacts.Write("slack", "e2e_shared", hook.Body);
    }

    [Fact]
    public async Task Read_more_expands_the_card_with_the_body()
    {
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/interactions", Form(Click(SlackActions.ReadMore, "sycophancy")));

        var hook = Assert.Single(await _host.Slack.WaitForAsync(1));
        Assert.Contains("17 × 24", hook.Body);
        Assert.DoesNotContain(SlackActions.ReadMore, hook.Body);
    }

    [Fact]
    public async Task Term_picker_choice_shows_the_term()
    {
        var payload = Click(SlackActions.PickTerm, "");
        var action = payload["actions"]![0]!.AsObject();
        action.Remove("value");
        action["type"] = "external_select";
        action["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Jailbreak" }, ["value"] = "jailbreak" };
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/interactions", Form(payload));

        Assert.Contains("\"Jailbreak\"", Assert.Single(await _host.Slack.WaitForAsync(1)).Body);
    }

    [Theory]
    [InlineData("approve_request", "request-4471")]
    [InlineData("alignbot.unknown", "x")]
    public async Task Unknown_action_id_is_400_and_nothing_is_posted(string actionId, string value)
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/interactions", Form(Click(actionId, value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown action", await response.Content.ReadAsStringAsync());
        await _host.DrainWorkAsync();
        Assert.Empty(_host.Slack.Requests);
    }

    [Theory]
    [InlineData("payload=not-json")]
    [InlineData("nopayload=1")]
    [InlineData("payload=%7B%22type%22%3A%22view_submission%22%7D")]
    public async Task Malformed_interaction_is_400(string body)
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/interactions", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Options_for_the_term_picker_come_from_the_glossary()
    {
        var payload = JsonNode.Parse(Fixtures.Text("slack/block_suggestion.json"))!;
        payload["action_id"] = SlackActions.PickTerm;
        payload["value"] = "syco";
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/options", Form(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["options"]!.AsArray();
        Assert.Equal("sycophancy", (string?)options[0]!["value"]);
        Assert.Equal("Sycophancy", (string?)options[0]!["text"]!["text"]);
        Assert.InRange(options.Count, 1, 100);
    }

    [Fact]
    public async Task Options_for_160_kilobytes_of_typed_text_read_only_its_start()
    {
        var payload = JsonNode.Parse(Fixtures.Text("slack/block_suggestion.json"))!;
        payload["action_id"] = SlackActions.PickTerm;
        // Read whole, the text is about reward hacking; its first 100 characters are "sycophancy" and spaces.
        payload["value"] = "sycophancy" + new string(' ', 100) + string.Concat(Enumerable.Repeat("reward hacking specification gaming ", 4_500));
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/options", Form(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sycophancy", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["options"]![0]!["value"]);
    }

    [Theory]
    [InlineData("https://evil.example/actions/1")]
    [InlineData("http://hooks.slack.com/actions/1")]
    public async Task Click_with_a_response_url_off_slacks_hosts_is_refused(string responseUrl)
    {
        var payload = Click($"{ActionIds.ShowTerm}:rlhf", "rlhf");
        payload["response_url"] = responseUrl;
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/interactions", Form(payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_host.Logs.Lines, l => l.Contains("response_url that is https on an allowed host"));
    }

    [Fact]
    public async Task Options_with_a_wrong_payload_are_400()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/options", Form(Click("x", "y")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
