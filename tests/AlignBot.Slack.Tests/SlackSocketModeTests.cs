using System.Net;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Slack's Socket Mode transport through the whole host against <see cref="FakeSlackSocketServer"/>: envelopes of each
/// type reach the same handlers as the HTTP routes and are acknowledged with their envelope id; disconnects, drops,
/// silent links and refused tokens are survived; nothing in flight is lost to a reconnect or a shutdown.
/// </summary>
public sealed class SlackSocketModeTests
{
    private const string PostMessage = "/api/chat.postMessage";
    private const string OpenConnection = "/api/apps.connections.open";

    private static async Task<IReadOnlyList<FakeSlackSocketServer.Connection>> OpenAsync(SlackHost host, int count)
    {
        _ = host.Services;   // starts the host
        return await host.SocketMode!.WaitForOpenAsync(count);
    }

    /// <summary>The payload of <c>/align {text}</c> over a socket, with a fresh trigger_id and the fake's response_url.</summary>
    private static JsonNode Command(SlackHost host, string text)
    {
        var payload = JsonNode.Parse(Fixtures.Text("slack/socket_mode_slash_commands_envelope.json"))!["payload"]!;
        payload["text"] = text;
        payload["response_url"] = host.Slack.ResponseUrl();
        payload["trigger_id"] = $"{Random.Shared.NextInt64()}.4471902358.{Guid.NewGuid():N}";
        return payload;
    }

    /// <summary>A term of the day not yet due today, so the scheduler leaves the post to <c>daily now</c>: 23:59 in a zone where it is not yet 22:00.</summary>
    private static string NotYetDue()
    {
        var zone = new[] { "UTC", "Asia/Tokyo", "America/Los_Angeles" }
            .First(z => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(z)).Hour < 22);
        return "daily on 23:59 every day " + zone;
    }

    private static JsonNode Mention() => JsonNode.Parse(Fixtures.Text("slack/event_callback_app_mention.json"))!;

    private static int Count(SlackHost host, string fragment) => host.Logs.Lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public async Task Command_is_acknowledged_with_its_card_as_the_payload()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false);
        var socket = (await OpenAsync(host, 2))[0];

        var id = await socket.SendEnvelopeAsync("slash_commands", Command(host, "define sycophancy"), acceptsResponsePayload: true);

        var ack = await host.SocketMode!.WaitForAckAsync(id);
        var message = ack["payload"]!;
        Assert.Equal("ephemeral", (string?)message["response_type"]);
        Assert.Equal("Sycophancy", (string?)message["blocks"]![0]!["text"]!["text"]);
        await host.DrainWorkAsync();
        Assert.DoesNotContain(host.Slack.Requests, r => r.Path.StartsWith("/hooks/", StringComparison.Ordinal));
        CardArtifacts.Write("slack", "socket_command_define", message.ToJsonString());
    }

    [Fact]
    public async Task Opens_the_configured_number_of_connections_each_from_its_own_url_with_the_app_token()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: ("Slack:SocketConnections", "3"));

        var open = await OpenAsync(host, 3);

        Assert.Equal(3, open.Select(c => c.Query).Distinct().Count());
        var calls = await host.Slack.WaitForPathAsync(OpenConnection, 3);
        Assert.All(calls, c => Assert.Equal("Bearer " + SlackHost.AppToken, c.Authorization));
        Assert.Equal(1, Count(host, "Socket Mode only"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(SlackHost.AppToken, StringComparison.Ordinal) || l.Contains("ticket=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Socket_mode_only_has_no_slack_routes_and_with_a_signing_secret_both_transports_answer()
    {
        await using var socketOnly = await SlackHost.StartSocketModeAsync(http: false);
        await using var both = await SlackHost.StartSocketModeAsync(http: true);
        var form = new StringContent(Fixtures.Text("slack/alignbot_slash_command_define.txt"), Encoding.UTF8, "application/x-www-form-urlencoded");

        using var toSocketOnly = socketOnly.CreateSlackClient();
        using var toBoth = both.CreateSlackClient();
        var refused = await toSocketOnly.PostAsync("/slack/commands", form);
        var answered = await toBoth.PostAsync("/slack/commands", form);
        var socket = (await OpenAsync(both, 2))[0];
        var id = await socket.SendEnvelopeAsync("slash_commands", Command(both, "define rlhf"), acceptsResponsePayload: true);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Sycophancy", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Reinforcement learning", (await both.SocketMode!.WaitForAckAsync(id)).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_event_is_acknowledged_without_payload_and_answered_in_the_thread()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false);
        var socket = (await OpenAsync(host, 2))[0];

        var id = await socket.SendEnvelopeAsync("events_api", Mention());

        var ack = await host.SocketMode!.WaitForAckAsync(id);
        Assert.Null(ack["payload"]);
        var post = JsonNode.Parse(Assert.Single(await host.Slack.WaitForPathAsync(PostMessage)).Body)!;
        Assert.Equal("C05RSRCH01", (string?)post["channel"]);
        Assert.Equal("1764498012.441907", (string?)post["thread_ts"]);
        Assert.Contains("misgeneralization", post.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Replayed_event_envelope_on_another_connection_is_acknowledged_and_answered_once()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false);
        var open = await OpenAsync(host, 2);

        var first = await open[0].SendEnvelopeAsync("events_api", Mention());
        await host.SocketMode!.WaitForAckAsync(first);
        var again = await open[1].SendEnvelopeAsync("events_api", Mention(), retryAttempt: 1);
        await host.SocketMode.WaitForAckAsync(again);
        await host.DrainWorkAsync();

        Assert.Single(host.Slack.Requests, r => r.Path == PostMessage);
        Assert.Equal(1, Count(host, "already handled (retry 1)"));
    }

    [Fact]
    public async Task Replayed_command_envelope_is_answered_once()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false);
        var socket = (await OpenAsync(host, 2))[0];
        var command = Command(host, "define dpo");

        var first = await socket.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true);
        var again = await socket.SendEnvelopeAsync("slash_commands", command, acceptsResponsePayload: true);

        // Envelopes are handled concurrently, so either may claim the trigger_id first; exactly one is answered.
        var payloads = new[] { (await host.SocketMode!.WaitForAckAsync(first))["payload"], (await host.SocketMode.WaitForAckAsync(again))["payload"] };
        Assert.Single(payloads, p => p is not null);
        Assert.Contains("Direct preference optimization", Assert.Single(payloads, p => p is not null)!.ToJsonString());
    }

    [Fact]
    public async Task Term_picker_suggestions_are_the_payload_of_the_acknowledgement()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false);
        var socket = (await OpenAsync(host, 2))[0];
        var suggestion = JsonNode.Parse(Fixtures.Text("slack/block_suggestion.json"))!;
        suggestion["action_id"] = SlackActions.PickTerm;
        suggestion["value"] = "reward hack";

        var id = await socket.SendEnvelopeAsync("interactive", suggestion, acceptsResponsePayload: true);

        var options = (await host.SocketMode!.WaitForAckAsync(id))["payload"]!["options"]!.AsArray();
        Assert.Contains(options, o => (string?)o!["value"] == "reward-hacking");
    }

    [Fact]
    public async Task Button_click_is_acknowledged_and_answered_through_its_response_url()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false);
        var socket = (await OpenAsync(host, 2))[0];
        var click = JsonNode.Parse(Fixtures.Text("slack/block_actions.json"))!;
        click["response_url"] = host.Slack.ResponseUrl();
        click["actions"]![0]!["action_id"] = $"{AlignBot.Chat.ActionIds.ShowTerm}:rlhf";
        click["actions"]![0]!["value"] = "rlhf";

        var id = await socket.SendEnvelopeAsync("interactive", click);

        Assert.Null((await host.SocketMode!.WaitForAckAsync(id))["payload"]);
        var hook = Assert.Single(await host.Slack.WaitForPathAsync("/hooks/1"));
        Assert.Contains("Reinforcement learning from human feedback", hook.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("link_disabled")]
    public async Task Disconnect_closes_the_socket_and_a_new_one_is_opened_from_a_fresh_url(string reason)
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: ("Slack:SocketConnections", "1"));
        var first = (await OpenAsync(host, 1))[0];

        await first.SendDisconnectAsync(reason);

        var all = await host.SocketMode!.WaitForConnectionsAsync(2);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(all[0].Query, all[1].Query);
        var id = await all[1].SendEnvelopeAsync("slash_commands", Command(host, "define rlhf"), acceptsResponsePayload: true);
        Assert.NotNull((await host.SocketMode.WaitForAckAsync(id))["payload"]);
        Assert.Equal(1, Count(host, $"to reconnect ({reason})"));
    }

    [Fact]
    public async Task Abrupt_drop_is_followed_by_a_new_connection_and_one_warning_line()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: ("Slack:SocketConnections", "1"));
        var first = (await OpenAsync(host, 1))[0];

        first.Drop();

        var second = (await host.SocketMode!.WaitForConnectionsAsync(2))[1];
        var id = await second.SendEnvelopeAsync("slash_commands", Command(host, "define rlhf"), acceptsResponsePayload: true);
        Assert.NotNull((await host.SocketMode.WaitForAckAsync(id))["payload"]);
        Assert.Equal(1, Count(host, "connection 1 dropped"));
    }

    [Fact]
    public async Task Command_in_flight_when_its_socket_drops_is_answered_once_through_its_response_url()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: ("Slack:SocketConnections", "1"));
        var first = (await OpenAsync(host, 1))[0];
        await host.SocketMode!.WaitForAckAsync(await first.SendEnvelopeAsync("slash_commands", Command(host, NotYetDue()), acceptsResponsePayload: true));
        host.Slack.HoldAnswers(PostMessage);

        var now = await first.SendEnvelopeAsync("slash_commands", Command(host, "daily now"), acceptsResponsePayload: true);
        await host.Slack.WaitForPathAsync(PostMessage);   // the term of the day is being posted: the command is in flight
        first.Drop();
        var second = (await host.SocketMode.WaitForConnectionsAsync(2))[1];
        host.Slack.ReleaseAnswers();
        await host.Slack.WaitForPathAsync("/hooks/1");
        await host.DrainWorkAsync();

        Assert.Empty(host.SocketMode.Acks(now));
        var hook = Assert.Single(host.Slack.Requests, r => r.Path == "/hooks/1");
        Assert.Contains("Posted today's term", hook.Body, StringComparison.Ordinal);
        Assert.True(second.IsOpen);
    }

    [Fact]
    public async Task Bad_envelopes_are_each_logged_once_and_the_socket_stays_open()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: ("Slack:SocketConnections", "1"));
        var socket = (await OpenAsync(host, 1))[0];

        await socket.SendRawAsync("this is not json"u8.ToArray());
        await socket.SendRawAsync([0x01, 0x02], WebSocketMessageType.Binary);
        await socket.SendAsync(new JsonObject { ["type"] = "events_api", ["payload"] = Mention() });
        var unknown = await socket.SendEnvelopeAsync("telepathy", new JsonObject { ["thought"] = "hello" });
        await socket.SendAsync(new JsonObject { ["envelope_id"] = "no-payload", ["type"] = "slash_commands" });
        var command = await socket.SendEnvelopeAsync("slash_commands", Command(host, "define rlhf"), acceptsResponsePayload: true);

        Assert.Null((await host.SocketMode!.WaitForAckAsync(unknown))["payload"]);
        Assert.NotNull((await host.SocketMode.WaitForAckAsync(command))["payload"]);
        Assert.Null((await host.SocketMode.WaitForAckAsync("no-payload"))["payload"]);
        Assert.Equal(1, Count(host, "Bad Slack request to socket slash_commands: missing field 'team_id'"));
        Assert.Equal(1, Count(host, "Bad Socket Mode envelope on connection 1: not a JSON object"));
        Assert.Equal(1, Count(host, "Bad Socket Mode envelope on connection 1: not a text message"));
        Assert.Equal(1, Count(host, "Bad Socket Mode envelope on connection 1: no envelope_id"));
        Assert.Equal(1, Count(host, "Bad Socket Mode envelope on connection 1: unknown envelope type"));
        Assert.True(socket.IsOpen);
        Assert.Single(host.SocketMode.Connections);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("not json", StringComparison.Ordinal) || l.Contains("thought", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_envelope_is_counted_in_the_requests_metric_as_slack_with_the_outcome_its_http_counterpart_gets()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, OutageStore.Install, ("Slack:SocketConnections", "1"));
        var socket = (await OpenAsync(host, 1))[0];
        using var counts = new RequestCounts(host.Services.GetRequiredService<IMeterFactory>());

        var command = await socket.SendEnvelopeAsync("slash_commands", Command(host, "define rlhf"), acceptsResponsePayload: true);
        await host.SocketMode!.WaitForAckAsync(command);
        var unknown = await socket.SendEnvelopeAsync("telepathy", new JsonObject { ["thought"] = "hello" });
        await host.SocketMode.WaitForAckAsync(unknown);
        await socket.SendAsync(new JsonObject { ["envelope_id"] = "no-payload", ["type"] = "slash_commands" });
        await host.SocketMode.WaitForAckAsync("no-payload");
        await socket.SendRawAsync("this is not json"u8.ToArray());
        host.Services.GetRequiredService<OutageStore>().Down = true;
        await socket.SendEnvelopeAsync("events_api", Mention());   // the event's id cannot be recorded: left for Slack to deliver again

        var counted = await counts.WaitForAsync(5);

        Assert.All(counted, c => Assert.Equal("slack", c.Platform));
        Assert.Equal(["bad_request", "bad_request", "bad_request", "ok", "retry_later"], counted.Select(c => c.Outcome).Order());
    }

    [Fact]
    public async Task Refused_app_token_is_one_error_line_and_retried_only_after_a_backoff_on_the_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SlackHost.StartSocketModeAsync(http: false, services => services.AddSingleton<TimeProvider>(clock),
            ("Slack:SocketConnections", "1"), ("Logging:LogLevel:AlignBot.Slack.Socket", "Debug"));
        for (var i = 0; i < 3; i++)
            host.Slack.Script(OpenConnection, 200, """{"ok":false,"error":"invalid_auth"}""");

        _ = host.Services;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await WaitForLineAsync(host, attempt == 1 ? "refused the app token (invalid_auth)" : "still refuses the app token", 1);
            // The line is written before the backoff starts: until the clock moves there is no other attempt.
            Assert.Equal(attempt, host.Slack.Requests.Count(r => r.Path == OpenConnection));
            await AdvanceUntilAsync(clock, () => host.Slack.Requests.Count(r => r.Path == OpenConnection) > attempt);
        }

        await host.SocketMode!.WaitForOpenAsync(1);
        Assert.Equal(1, Count(host, "refused the app token"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(SlackHost.AppToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Silent_connection_that_stops_answering_pings_is_replaced()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: [("Slack:SocketConnections", "1"), ("Slack:SocketPingInterval", "00:00:00.3")]);
        var first = (await OpenAsync(host, 1))[0];

        first.Stall();

        var second = (await host.SocketMode!.WaitForConnectionsAsync(2))[1];
        var id = await second.SendEnvelopeAsync("slash_commands", Command(host, "define rlhf"), acceptsResponsePayload: true);
        Assert.NotNull((await host.SocketMode.WaitForAckAsync(id))["payload"]);
    }

    [Fact]
    public async Task Shutdown_answers_the_envelope_in_flight_before_closing_the_socket()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: ("Slack:SocketConnections", "1"));
        var socket = (await OpenAsync(host, 1))[0];
        await host.SocketMode!.WaitForAckAsync(await socket.SendEnvelopeAsync("slash_commands", Command(host, NotYetDue()), acceptsResponsePayload: true));
        host.Slack.HoldAnswers(PostMessage);
        var now = await socket.SendEnvelopeAsync("slash_commands", Command(host, "daily now"), acceptsResponsePayload: true);
        await host.Slack.WaitForPathAsync(PostMessage);
        var socketMode = host.Services.GetServices<IHostedService>().OfType<Socket.SlackSocketMode>().Single();

        var stopped = socketMode.StopAsync(CancellationToken.None);
        var acksWhenStopped = stopped.ContinueWith(_ => host.SocketMode.Acks(now).Count, TaskContinuationOptions.ExecuteSynchronously);
        host.Slack.ReleaseAnswers();

        // Socket Mode stopped only once the answer was acknowledged, and it closed the socket.
        Assert.Equal(1, await acksWhenStopped);
        await socket.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("Posted today", Assert.Single(host.SocketMode.Acks(now)).ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task WaitForLineAsync(SlackHost host, string fragment, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Count(host, fragment) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "no log line with " + fragment);
            await Task.Delay(20);   // polling for a line that is expected, not proving an absence
        }
    }

    /// <summary>Moves the clock a second at a time until <paramref name="done"/> (the backoff's timer may start just after the log line).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> done)
    {
        for (var second = 0; second < 600 && !done(); second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
            for (var spin = 0; spin < 5 && !done(); spin++)
                await Task.Delay(10);
        }
        Assert.True(done());
    }
}
