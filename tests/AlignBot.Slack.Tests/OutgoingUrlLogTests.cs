using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat;

namespace AlignBot.Slack.Tests;

/// <summary>A <c>response_url</c> is a capability: no outgoing URL reaches the log at the levels that are on by default.</summary>
public sealed class OutgoingUrlLogTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private StringContent Click(string actionId, string value)
    {
        var payload = JsonNode.Parse(Fixtures.Text("slack/block_actions.json"))!;
        payload["response_url"] = _host.Slack.ResponseUrl("T0001/B0002/capability");
        payload["actions"]![0]!["action_id"] = actionId;
        payload["actions"]![0]!["value"] = value;
        return new("payload=" + Uri.EscapeDataString(payload.ToJsonString()), Encoding.UTF8, "application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task Response_url_and_web_api_calls_are_not_logged()
    {
        using var client = _host.CreateSlackClient();

        await client.PostAsync("/slack/interactions", Click($"{ActionIds.ShowTerm}:rlhf", "rlhf"));    // answered through the response_url
        await client.PostAsync("/slack/events", new StringContent(Fixtures.Text("slack/alignbot_app_mention_in_thread.json"), Encoding.UTF8,
            "application/json"));                                                                          // answered through chat.postMessage
        var sent = await _host.Slack.WaitForAsync(2);

        Assert.Contains(sent, r => r.Path == "/api/chat.postMessage");
        Assert.Contains(sent, r => r.Path == "/hooks/T0001/B0002/capability");
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(_host.Slack.BaseUrl) || l.Contains("/hooks/") || l.Contains("chat.postMessage"));
    }
}
