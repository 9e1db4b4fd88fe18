using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Slack.Tests;

/// <summary><c>POST /slack/events</c>: acknowledged at once, answered through the (fake) Web API, retries dropped.</summary>
public sealed class SlackEventTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/url_verification.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonDocument.Parse(Fixtures.Text("slack/url_verification.json")).RootElement.GetProperty("challenge").GetString();
        Assert.Equal(expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task App_rate_limited_envelope_is_acknowledged_with_one_log_line()
    {
        using var client = _host.CreateSlackClient();
        var envelope = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","type":"app_rate_limited","team_id":"T123456","minute_rate_limited":1518467820,"api_app_id":"A123456"}""";

        var response = await client.PostAsync("/slack/events", Json(envelope));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("rate-limiting event deliveries for team T123456"));
    }

    [Fact]
    public async Task App_mention_leads_to_one_post_in_the_thread_and_a_retry_to_none()
    {
        using var client = _host.CreateSlackClient();
        var mention = Fixtures.Text("slack/alignbot_app_mention_in_thread.json");

        var first = await client.PostAsync("/slack/events", Json(mention));
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = Json(mention) };
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        var second = await client.SendAsync(retry);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var posts = await _host.Slack.WaitForAsync(1);
        await _host.DrainWorkAsync();   // everything queued is done: a wrong second post would be here
        var post = Assert.Single(_host.Slack.Requests);
        Assert.Equal("/api/chat.postMessage", post.Path);
        Assert.Equal("Bearer " + SlackHost.BotToken, post.Authorization);
        var body = JsonNode.Parse(post.Body)!;
        Assert.Equal("C05RSRCH01", (string?)body["channel"]);
        Assert.Equal("1764497120.204417", (string?)body["thread_ts"]);
        Assert.Contains("Reinforcement learning from human feedback", post.Body);
        Assert.DoesNotContain(SlackActions.Share, post.Body);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("already handled (retry 1)"));
        CardArtifacts.Write("slack", "e2e_mention_post", post.Body);
    }

    [Fact]
    public async Task Chat_style_mention_is_answered_through_the_same_path()
    {
        using var client = _host.CreateSlackClient();
        var mention = JsonNode.Parse(Fixtures.Text("slack/event_callback_app_mention.json"))!;
        mention["event"]!["text"] = "<@U0ALIGNBOT> eli5 rlhf :thinking_face:";

        await client.PostAsync("/slack/events", Json(mention.ToJsonString()));

        var post = (await _host.Slack.WaitForAsync(1))[0];
        Assert.Contains("Reinforcement learning from human feedback", post.Body);
        CardArtifacts.Write("slack", "e2e_chat_style_mention", post.Body);
    }

    [Fact]
    public async Task Mention_outside_a_thread_starts_one_under_the_message()
    {
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/event_callback_app_mention.json")));

        var post = Assert.Single(await _host.Slack.WaitForAsync(1));
        var body = JsonNode.Parse(post.Body)!;
        var evt = JsonNode.Parse(Fixtures.Text("slack/event_callback_app_mention.json"))!["event"]!;
        Assert.Equal((string?)evt["thread_ts"] ?? (string?)evt["ts"], (string?)body["thread_ts"]);
    }

    [Fact]
    public async Task Direct_message_is_answered_in_the_dm()
    {
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/event_callback_message_im.json")));

        var post = Assert.Single(await _host.Slack.WaitForAsync(1));
        var evt = JsonNode.Parse(Fixtures.Text("slack/event_callback_message_im.json"))!["event"]!;
        Assert.Equal((string?)evt["channel"], (string?)JsonNode.Parse(post.Body)!["channel"]);
    }

    [Fact]
    public async Task Bot_messages_and_the_bots_own_messages_are_ignored()
    {
        using var client = _host.CreateSlackClient();
        var own = JsonNode.Parse(Fixtures.Text("slack/alignbot_app_mention_in_thread.json"))!;
        own["event_id"] = "Ev-own";
        own["event"]!["user"] = "U05BQ7ALGN";   // the bot user of the authorization

        var responses = new[]
        {
            await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/event_callback_bot_message.json"))),
            await client.PostAsync("/slack/events", Json(own.ToJsonString())),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await _host.DrainWorkAsync();
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public async Task App_uninstalled_removes_the_installation()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/alignbot_app_uninstalled.json")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"event_callback\"}")]
    [InlineData("{\"type\":\"something_else\"}")]
    [InlineData("{\"no\":\"type\"}")]
    public async Task Json_that_is_not_an_event_is_400_with_a_reason(string body)
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/events", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_not_crashed()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/events", Json(new string('[', 5000) + new string(']', 5000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Rate_limited_post_waits_for_retry_after_and_posts_once()
    {
        _host.Slack.Script("/api/chat.postMessage", 429, "", retryAfter: "1");
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/alignbot_app_mention_in_thread.json")));

        var requests = await _host.Slack.WaitForAsync(2);
        Assert.Equal(2, requests.Count);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("returned 429; retrying in 1000 ms"));
    }

    [Fact]
    public async Task Slack_error_is_logged_with_its_code_and_no_token()
    {
        _host.Slack.Script("/api/chat.postMessage", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/alignbot_app_mention_in_thread.json")));

        await _host.Slack.WaitForAsync(1);
        for (var i = 0; i < 50 && !_host.Logs.Lines.Any(l => l.Contains("channel_not_found")); i++)
            await Task.Delay(50);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("channel_not_found"));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(SlackHost.BotToken));
    }
}
