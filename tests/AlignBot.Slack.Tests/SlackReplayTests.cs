using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Daily;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// A captured signed request sent again inside the replay window (same bytes, same headers) is acknowledged with 200
/// and not carried out again: slash commands by trigger_id, clicks by trigger_id and action_ts, across replicas.
/// </summary>
public sealed class SlackReplayTests
{
    /// <summary>One signed request that can be sent any number of times, byte for byte: what an eavesdropper replays.</summary>
    private static Func<HttpRequestMessage> Captured(string path, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignature.Compute(SlackHost.SigningSecret, timestamp, bytes);
        return () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
            request.Headers.Add(SlackSignature.SignatureHeader, signature);
            return request;
        };
    }

    private static Func<HttpRequestMessage> Command(string team, string text) => Captured("/slack/commands",
        $"team_id={team}&channel_id=C-replay&user_id=U1&text={Uri.EscapeDataString(text)}&trigger_id={Guid.NewGuid():N}");

    private static Func<HttpRequestMessage> Click(FakeSlackApi slack, string actionId, string value, string hook)
    {
        var payload = JsonNode.Parse(Fixtures.Text("slack/block_actions.json"))!;
        payload["response_url"] = slack.ResponseUrl(hook);
        payload["trigger_id"] = $"111.222.{Guid.NewGuid():N}";
        payload["actions"]![0]!["action_id"] = actionId;
        payload["actions"]![0]!["value"] = value;
        return Captured("/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()));
    }

    private static async Task<bool?> DailyEnabled(SlackHost host, string team) =>
        (await host.Services.GetRequiredService<IDailyStore>().FindAsync(new ChannelKey(Platform.Slack, team, "C-replay")))?.Enabled;

    [Fact]
    public async Task A_replayed_daily_on_after_daily_off_is_acknowledged_and_changes_nothing()
    {
        await using var host = await SlackHost.StartAsync();
        using var client = host.CreateClient();
        var on = Command("T1", "daily on");

        Assert.Contains("set by", await (await client.SendAsync(on())).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Command("T1", "daily off")())).StatusCode);
        var replay = await client.SendAsync(on());

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("", await replay.Content.ReadAsStringAsync());
        Assert.False(await DailyEnabled(host, "T1"));
        Assert.Single(host.Logs.Lines, l => l.Contains("Ignored a replayed slack-command in T1"));
    }

    [Fact]
    public async Task A_share_click_replayed_three_times_posts_once()
    {
        await using var host = await SlackHost.StartAsync();
        using var client = host.CreateClient();
        var share = Click(host.Slack, SlackActions.Share, "term:sycophancy", "share");

        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(share())).StatusCode);
        // Another click after them: by the time its answer arrives, anything the replays had queued would have too.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Click(host.Slack, $"{ActionIds.ShowTerm}:rlhf", "rlhf", "after")())).StatusCode);

        var hooks = await host.Slack.WaitForAsync(2);
        Assert.Single(hooks, h => h.Path == "/hooks/share");
        Assert.Single(hooks, h => h.Path == "/hooks/after");
        var team = JsonNode.Parse(Fixtures.Text("slack/block_actions.json"))!["team"]!["id"]!.GetValue<string>();
        Assert.Equal(3, host.Logs.Lines.Count(l => l.Contains($"Ignored a replayed slack-interaction in {team}")));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_command_replayed_to_another_replica_is_not_carried_out_again(string provider)
    {
        using var file = new TempDatabase();
        var postgres = Environment.GetEnvironmentVariable("ALIGNBOT_TEST_POSTGRES");
        Skip.If(provider == "postgres" && postgres is null && Environment.GetEnvironmentVariable("CI") is null,
            "No PostgreSQL configured (ALIGNBOT_TEST_POSTGRES); .ci/run starts one.");
        (string, string)[] settings = provider == "sqlite"
            ? [("Storage:ConnectionString", file.ConnectionString)]
            : [("Storage:Provider", "postgres"), ("Storage:ConnectionString", postgres!)];
        await using var slack = await FakeSlackApi.StartAsync();
        await using var first = SlackHost.Replica(slack, TimeProvider.System, settings);
        await using var second = SlackHost.Replica(slack, TimeProvider.System, settings);
        using var toFirst = first.CreateClient();
        using var toSecond = second.CreateClient();
        var team = "T-" + Guid.NewGuid().ToString("N")[..8];
        var on = Command(team, "daily on");

        Assert.Contains("set by", await (await toFirst.SendAsync(on())).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await toFirst.SendAsync(Command(team, "daily off")())).StatusCode);
        var replay = await toSecond.SendAsync(on());

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("", await replay.Content.ReadAsStringAsync());
        Assert.False(await DailyEnabled(second, team));
        Assert.Single(second.Logs.Lines, l => l.Contains($"Ignored a replayed slack-command in {team}"));
    }
}
