using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Teams.Tests;

/// <summary>
/// Faults around the Teams adapter: a connector that resets connections or never answers, the store down mid-run,
/// and a shutdown with replies still queued. Real host and tokens, loopback Bot Framework.
/// </summary>
public sealed class TeamsFaultTests
{
    private static string CardText(RecordedRequest sent) => JsonNode.Parse(sent.Body)!["attachments"]![0]!["content"]!.ToJsonString();

    [Fact]
    public async Task Connection_reset_by_the_connector_is_retried_and_the_second_attempt_sends()
    {
        await using var host = await TeamsHost.StartAsync(_ => { });
        host.Framework.Script(FakeSlackApi.Reset);

        var response = await host.SendAsync(host.Activity("alignbot_message_personal.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Framework.WaitForAsync(2);
        await host.DrainWorkAsync();
        Assert.Equal(2, host.Framework.Sent.Count);
        Assert.Contains(host.Logs.Lines, l => l.Contains("retrying in") && l.Contains("attempt 1"));
    }

    [Fact]
    public async Task Connector_that_never_answers_times_out_and_is_retried()
    {
        await using var host = await TeamsHost.StartAsync(_ => { }, ("Teams:ConnectorTimeout", "00:00:00.500"));
        host.Framework.Script(FakeSlackApi.Hang);

        var response = await host.SendAsync(host.Activity("alignbot_message_personal.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await host.Framework.WaitForAsync(2);
        Assert.Equal(2, sent.Count);
        Assert.Contains(host.Logs.Lines, l => l.Contains("timeout") && l.Contains("retrying in"));
    }

    [Fact]
    public async Task Store_down_mid_run_still_answers_and_a_daily_command_says_the_settings_are_unreachable()
    {
        await using var host = await TeamsHost.StartAsync(OutageStore.Install);
        host.Services.GetRequiredService<OutageStore>().Down = true;
        var question = host.Activity("message_channel_mention.json");
        question["text"] = "<at>AlignBot</at> what is sycophancy";
        var daily = host.Activity("message_channel_mention.json");
        daily["text"] = "<at>AlignBot</at> daily on";
        var added = host.Activity("conversationUpdate_membersAdded_personal.json");
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + TestIssuer.AppId });

        var answered = await host.SendAsync(question);
        var refused = await host.SendAsync(daily);
        var welcomed = await host.SendAsync(added);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (answered.StatusCode, refused.StatusCode, welcomed.StatusCode));
        var sent = await host.Framework.WaitForAsync(3);
        Assert.Equal(3, sent.Count);
        Assert.Contains(sent, s => CardText(s).Contains("Sycophancy"));
        Assert.Contains(sent, s => CardText(s).Contains("cannot be reached right now"));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Conversation reference for") && l.Contains("not saved: The store is unavailable"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(TeamsHost.AppPassword));
    }

    [Fact]
    public async Task A_message_the_bot_fails_on_is_answered_that_it_went_wrong_and_the_fault_logged_once()
    {
        await using var host = await TeamsHost.StartAsync(FaultyDailyStore.Install);
        var daily = host.Activity("message_channel_mention.json");
        daily["text"] = "<at>AlignBot</at> daily on";

        var response = await host.SendAsync(daily);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await host.Framework.WaitForAsync(1));
        Assert.Contains("Something went wrong on AlignBot", CardText(sent));
        Assert.DoesNotContain(FaultyDailyStore.Fault, sent.Body);
        await host.DrainWorkAsync();
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(FaultyDailyStore.Fault));
    }

    [Fact]
    public async Task Search_extension_while_the_tenant_terms_cannot_be_read_answers_from_the_corpus_with_one_log_line()
    {
        await using var host = await TeamsHost.StartAsync(OutageStore.Install);
        host.Services.GetRequiredService<OutageStore>().Down = true;
        var query = host.Activity("alignbot_composeExtension_initialRun.json");
        query["value"] = JsonNode.Parse("""{"commandId":"searchTerms","parameters":[{"name":"searchQuery","value":"reward"}]}""");
        var select = host.Activity("alignbot_composeExtension_initialRun.json");
        select["name"] = "composeExtension/selectItem";
        select["value"] = new JsonObject { ["slug"] = "jailbreak" };

        var found = await host.SendAsync(query);
        var chosen = await host.SendAsync(select);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (found.StatusCode, chosen.StatusCode));
        Assert.Contains("Reward", await found.Content.ReadAsStringAsync());
        Assert.Contains("Jailbreak", await chosen.Content.ReadAsStringAsync());
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Living glossary unavailable"));
    }

    [Theory]
    [InlineData(nameof(TeamsConnectorClient))]
    [InlineData(nameof(TeamsTokenProvider))]
    public async Task Long_lived_clients_recycle_their_connections_so_dns_changes_are_seen(string client)
    {
        await using var host = await TeamsHost.StartAsync(_ => { });

        var handler = host.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client);
        while (handler is DelegatingHandler { InnerHandler: { } inner })
            handler = inner;

        Assert.Equal(AlignBot.Web.OutboundHttp.PooledConnectionLifetime, Assert.IsType<SocketsHttpHandler>(handler).PooledConnectionLifetime);
    }

    [Fact]
    public async Task Shutdown_finishes_the_replies_already_queued()
    {
        var host = await TeamsHost.StartAsync(_ => { });
        var framework = host.Framework;
        framework.HoldAnswers();   // the four consumers each wait on one reply, the rest stay queued
        for (var n = 0; n < 8; n++)
        {
            var message = host.Activity("alignbot_message_personal.json");
            message["id"] = $"shutdown-{n}";
            Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(message)).StatusCode);
        }
        for (var i = 0; i < 200 && framework.Sent.Count < 4; i++)
            await Task.Delay(25);

        var stopping = host.DisposeAsync().AsTask();
        for (var i = 0; i < 200 && !host.Logs.Lines.Any(l => l.Contains("TeamsWorker is stopping: finishing 4 queued items")); i++)
            await Task.Delay(25);
        framework.ReleaseAnswers();
        await stopping;

        Assert.Contains(host.Logs.Lines, l => l.Contains("TeamsWorker is stopping: finishing 4 queued items"));
        Assert.Equal(8, framework.Sent.Count);
    }
}
