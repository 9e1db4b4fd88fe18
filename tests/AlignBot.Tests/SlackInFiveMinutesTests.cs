using System.Text.Json.Nodes;

namespace AlignBot.Tests;

/// <summary>
/// The README's "Slack in five minutes", followed against the fakes: the real process with nothing but an app token
/// and a bot token (and where the fakes are) answers <c>/align help</c> over Socket Mode.
/// </summary>
[Collection(nameof(SerialProcessRuns))]
public sealed class SlackInFiveMinutesTests
{
    [Fact]
    public async Task App_token_and_bot_token_alone_answer_align_help_over_the_socket()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var socketMode = await FakeSlackSocketServer.StartAsync();
        slack.SocketMode = socketMode;
        await using var host = await HostProcess.StartAsync(
            ("Slack__AppToken", "xapp-1-A05ALGNBOT-five-minutes"), ("Slack__BotToken", "xoxb-five-minutes"),
            ("Slack__ApiBaseUrl", slack.ApiBaseUrl));
        var payload = JsonNode.Parse(Fixtures.Text("slack/socket_mode_slash_commands_envelope.json"))!["payload"]!;
        payload["text"] = "help";
        payload["response_url"] = null;

        var socket = (await socketMode.WaitForOpenAsync(2))[0];
        var id = await socket.SendEnvelopeAsync("slash_commands", payload, acceptsResponsePayload: true);

        var help = (await socketMode.WaitForAckAsync(id))["payload"]!;
        Assert.Contains("AI-alignment terms", (string?)help["text"], StringComparison.Ordinal);
        Assert.True(await host.WaitForOutputAsync("Slack is on in Socket Mode only"), host.Output);
        Assert.DoesNotContain("xapp-1-A05ALGNBOT-five-minutes", host.Output, StringComparison.Ordinal);
    }
}
