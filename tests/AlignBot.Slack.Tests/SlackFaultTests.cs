using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Faults around the Slack adapter: the store down mid-run, a Web API that resets connections or never answers,
/// and a shutdown with answers still queued. Real host, real SQLite underneath, a loopback fake Slack.
/// </summary>
public sealed class SlackFaultTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    /// <summary>The published mention fixture as a distinct event: its own event id and message ts.</summary>
    private static string Mention(int n)
    {
        var mention = JsonNode.Parse(Fixtures.Text("slack/alignbot_app_mention_in_thread.json"))!;
        mention["event_id"] = $"EvFAULT{n:D4}";
        mention["event"]!["ts"] = $"1764497433.{n:D6}";
        return mention.ToJsonString();
    }

    [Fact]
    public async Task Store_down_mid_run_refuses_events_with_503_while_commands_still_answer_and_the_retry_is_answered_once()
    {
        await using var host = await SlackHost.StartAsync(OutageStore.Install);
        using var client = host.CreateSlackClient();
        var store = host.Services.GetRequiredService<OutageStore>();

        store.Down = true;
        var refused = await client.PostAsync("/slack/events", Json(Mention(1)));
        var define = await client.PostAsync("/slack/commands", Form(Fixtures.Text("slack/alignbot_slash_command_define.txt")));
        var daily = await client.PostAsync("/slack/commands", Form(Fixtures.Text("slack/alignbot_slash_command_define.txt").Replace("define%20sycophancy", "daily%20on")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, define.StatusCode);
        Assert.Contains("Sycophancy", await define.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        Assert.Contains("cannot be reached right now", await daily.Content.ReadAsStringAsync());
        Assert.Single(host.Logs.Lines, l => l.Contains("Store unavailable; asked Slack to retry event EvFAULT0001"));
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Replay check for a slack-command in T04ALGN7Q2 skipped"));   // the fixture's team

        store.Down = false;
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = Json(Mention(1)) };
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_error");
        var accepted = await client.SendAsync(retry);
        var again = await client.PostAsync("/slack/events", Json(Mention(1)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (accepted.StatusCode, again.StatusCode));
        await host.Slack.WaitForAsync(1);
        await host.DrainWorkAsync();   // everything queued is done: a wrong second post would be here
        var post = Assert.Single(host.Slack.Requests);
        Assert.Contains("Reinforcement learning from human feedback", post.Body);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(SlackHost.BotToken) || l.Contains(SlackHost.SigningSecret));
    }

    [Fact]
    public async Task A_command_the_bot_fails_on_is_answered_that_it_went_wrong_and_the_fault_logged_once()
    {
        await using var host = await SlackHost.StartAsync(FaultyDailyStore.Install);
        using var client = host.CreateSlackClient();

        var hook = host.Slack.ResponseUrl("daily");
        var daily = await client.PostAsync("/slack/commands", Form(Fixtures.Text("slack/alignbot_slash_command_define.txt").Replace("define%20sycophancy", "daily%20on")
            .Replace("response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT04ALGN7Q2%2F8120459376021%2FuV3nQ8kXr2LmT6yPz9WbHc1D", "response_url=" + Uri.EscapeDataString(hook))));

        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        var acknowledged = await daily.Content.ReadAsStringAsync();
        await host.DrainWorkAsync();
        var followUps = host.Slack.Requests.Where(r => r.Path == "/hooks/daily").ToList();
        // Told once: in the acknowledgement, or (a slow machine, past its budget) after "Working on it…" at the response_url.
        var answer = acknowledged.Contains("Working on it", StringComparison.Ordinal) ? Assert.Single(followUps).Body : acknowledged;
        Assert.Contains("Something went wrong on AlignBot", answer);
        Assert.DoesNotContain(FaultyDailyStore.Fault, answer);
        Assert.True(followUps.Count == (answer == acknowledged ? 0 : 1));
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(FaultyDailyStore.Fault));
    }

    [Fact]
    public async Task A_mention_the_bot_fails_on_is_answered_in_its_thread_that_it_went_wrong()
    {
        await using var host = await SlackHost.StartAsync(FaultyDailyStore.Install);
        using var client = host.CreateSlackClient();
        var mention = JsonNode.Parse(Mention(1))!;
        mention["event"]!["text"] = "<@U05BQ7ALGN> daily on";

        var ack = await client.PostAsync("/slack/events", Json(mention.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var post = JsonNode.Parse(Assert.Single(await host.Slack.WaitForPathAsync("/api/chat.postMessage")).Body)!;
        Assert.Contains("Something went wrong on AlignBot's side", (string?)post["text"]);
        Assert.Equal("1764497120.204417", (string?)post["thread_ts"]);   // the fixture's thread
        await host.DrainWorkAsync();
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(FaultyDailyStore.Fault));
    }

    [Fact]
    public async Task When_even_the_apology_cannot_be_posted_each_failure_is_one_log_line()
    {
        await using var host = await SlackHost.StartAsync(FaultyDailyStore.Install);
        using var client = host.CreateSlackClient();
        host.Slack.Script("/api/chat.postMessage", 200, """{"ok":false,"error":"channel_not_found"}""");
        var mention = JsonNode.Parse(Mention(1))!;
        mention["event"]!["text"] = "<@U05BQ7ALGN> daily on";

        await client.PostAsync("/slack/events", Json(mention.ToJsonString()));
        await host.Slack.WaitForPathAsync("/api/chat.postMessage");
        await host.DrainWorkAsync();

        Assert.Single(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("could not tell the person who asked that their request (Answer) failed: SlackApiException"));
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(FaultyDailyStore.Fault));
    }

    [Fact]
    public async Task Share_while_the_workspace_terms_cannot_be_read_posts_the_corpus_card_with_one_log_line()
    {
        await using var host = await SlackHost.StartAsync(OutageStore.Install);
        using var client = host.CreateSlackClient();
        host.Services.GetRequiredService<OutageStore>().Down = true;
        var share = JsonNode.Parse(Fixtures.Text("slack/block_actions.json"))!;
        share["response_url"] = host.Slack.ResponseUrl();
        share["actions"]![0]!["action_id"] = SlackActions.Share;
        share["actions"]![0]!["value"] = "term:sycophancy";

        var ack = await client.PostAsync("/slack/interactions", Form("payload=" + Uri.EscapeDataString(share.ToJsonString())));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var hook = Assert.Single(await host.Slack.WaitForAsync(1));
        Assert.Equal("in_channel", (string?)JsonNode.Parse(hook.Body)!["response_type"]);
        Assert.Contains("Sycophancy", hook.Body);
        await host.DrainWorkAsync();   // the worker's scope too: its line would be here
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Living glossary unavailable"));
    }

    [Fact]
    public async Task Uninstall_while_the_store_is_down_is_refused_so_slack_delivers_it_again()
    {
        await using var host = await SlackHost.StartAsync(OutageStore.Install);
        using var client = host.CreateSlackClient();
        host.Services.GetRequiredService<OutageStore>().Down = true;

        var response = await client.PostAsync("/slack/events", Json(Fixtures.Text("slack/alignbot_app_uninstalled.json")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Connection_reset_by_slack_is_retried_and_the_second_attempt_posts()
    {
        await using var host = await SlackHost.StartAsync(_ => { });
        host.Slack.Script("/api/chat.postMessage", FakeSlackApi.Reset);
        using var client = host.CreateSlackClient();

        var ack = await client.PostAsync("/slack/events", Json(Mention(2)));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var requests = await host.Slack.WaitForAsync(2);
        await host.DrainWorkAsync();
        Assert.Equal(2, requests.Count);
        Assert.Equal(2, host.Slack.Requests.Count);
        Assert.Contains(host.Logs.Lines, l => l.Contains("chat.postMessage") && l.Contains("retrying in"));
    }

    [Fact]
    public async Task Slack_that_never_answers_times_out_and_is_retried()
    {
        await using var host = await SlackHost.StartAsync(_ => { }, ("Slack:ApiTimeout", "00:00:00.500"));
        host.Slack.Script("/api/chat.postMessage", FakeSlackApi.Hang);
        using var client = host.CreateSlackClient();

        var ack = await client.PostAsync("/slack/events", Json(Mention(3)));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var requests = await host.Slack.WaitForAsync(2);
        Assert.Equal(2, requests.Count);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Slack API chat.postMessage returned timeout; retrying"));
    }

    [Fact]
    public async Task Slack_failing_on_every_attempt_gives_up_after_three_and_logs_the_network_error_once()
    {
        await using var host = await SlackHost.StartAsync(_ => { });
        for (var i = 0; i < SlackApiClient.MaxAttempts; i++)
            host.Slack.Script("/api/chat.postMessage", FakeSlackApi.Reset);
        using var client = host.CreateSlackClient();

        await client.PostAsync("/slack/events", Json(Mention(4)));

        await host.Slack.WaitForAsync(SlackApiClient.MaxAttempts);
        for (var i = 0; i < 100 && !host.Logs.Lines.Any(l => l.Contains("failed: network_")); i++)
            await Task.Delay(50);
        await host.DrainWorkAsync();
        Assert.Equal(SlackApiClient.MaxAttempts, host.Slack.Requests.Count);
        Assert.Single(host.Logs.Lines, l => l.Contains("Slack work item Answer for team T04ALGN7Q2 failed") && l.Contains("failed: network_"));
    }

    [Fact]
    public async Task Web_api_client_recycles_its_connections_so_a_long_lived_worker_sees_dns_changes()
    {
        await using var host = await SlackHost.StartAsync(_ => { });

        var handler = host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(SlackApiClient));
        while (handler is DelegatingHandler { InnerHandler: { } inner })
            handler = inner;

        Assert.Equal(AlignBot.Web.OutboundHttp.PooledConnectionLifetime, Assert.IsType<SocketsHttpHandler>(handler).PooledConnectionLifetime);
    }

    [Fact]
    public async Task Shutdown_finishes_the_answers_already_queued()
    {
        var host = await SlackHost.StartAsync(_ => { });
        var slack = host.Slack;
        slack.HoldAnswers();   // a slow Slack: the four consumers each wait on one answer, the rest stay queued
        using (var client = host.CreateSlackClient())
        {
            for (var n = 10; n < 20; n++)
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/slack/events", Json(Mention(n)))).StatusCode);
        }
        for (var i = 0; i < 200 && slack.Requests.Count < 4; i++)
            await Task.Delay(25);

        var stopping = host.DisposeAsync().AsTask();   // stops the host: the worker must drain its queue first
        for (var i = 0; i < 200 && !host.Logs.Lines.Any(l => l.Contains("SlackWorker is stopping: finishing 6 queued items")); i++)
            await Task.Delay(25);
        slack.ReleaseAnswers();
        await stopping;

        Assert.Contains(host.Logs.Lines, l => l.Contains("SlackWorker is stopping: finishing 6 queued items"));
        Assert.Equal(10, slack.Requests.Count(r => r.Path == "/api/chat.postMessage"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("were not done"));
    }
}
