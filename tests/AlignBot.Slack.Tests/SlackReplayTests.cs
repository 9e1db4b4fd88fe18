using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using Microsoft.Data.Sqlite;
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

    [Fact]
    public async Task A_command_that_failed_after_claiming_its_trigger_id_is_answered_when_slack_delivers_it_again_and_only_then()
    {
        using var file = new TempDatabase();
        await using var host = await SlackHost.StartAsync(_ => { }, ("Storage:ConnectionString", file.ConnectionString));
        using var client = host.CreateClient();
        var team = "T-" + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow;
        await host.Services.GetRequiredService<IWorkspaceTermStore>().SaveAsync(new WorkspaceTerm(new WorkspaceKey(Platform.Slack, team), "blue-team-drill",
            new TermDraft("Blue team drill", [], "Our quarterly exercise of breaking the release pipeline.", "https://example.org/drill", []), "U1", "U2", at),
            TermChange.Approved, "U2", at);
        await SetAliasesAsync(file, "not a JSON list");   // the workspace's terms cannot be read: the command fails after its claim
        var define = Command(team, "define sycophancy");

        var failed = await client.SendAsync(define());
        await SetAliasesAsync(file, "[]");
        var redelivered = await client.SendAsync(define());
        var replayed = await client.SendAsync(define());

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Contains("Sycophancy", await redelivered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("", await replayed.Content.ReadAsStringAsync());
        Assert.Single(host.Logs.Lines, l => l.Contains($"Ignored a replayed slack-command in {team}"));
    }

    /// <summary>Writes the aliases of every stored workspace term straight into the SQLite file, as a damaged row would be.</summary>
    private static async Task SetAliasesAsync(TempDatabase file, string aliases)
    {
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE workspace_term_revisions SET aliases = $aliases";
        command.Parameters.AddWithValue("$aliases", aliases);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
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
