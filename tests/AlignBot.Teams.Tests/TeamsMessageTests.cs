using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Teams.Tests;

/// <summary><c>POST /api/messages</c> end to end: real fixture activities, tokens from a test key, a loopback connector.</summary>
public sealed class TeamsMessageTests : IAsyncLifetime
{
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JsonNode Fixture(string name) => _host.Activity(name);

    private Task<HttpResponseMessage> Send(JsonNode activity, string? token = null) => _host.SendAsync(activity, token);

    private static JsonNode CardOf(RecordedRequest sent) => JsonNode.Parse(sent.Body)!["attachments"]![0]!["content"]!;

    [Fact]
    public async Task Channel_mention_what_is_sycophancy_gets_exactly_one_card_reply_with_related_buttons()
    {
        var activity = Fixture("message_channel_mention.json");
        activity["text"] = "<at>AlignBot</at> what is sycophancy";

        var response = await Send(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await _host.Framework.WaitForAsync(1);
        await _host.DrainWorkAsync();
        var reply = Assert.Single(_host.Framework.Sent);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString("19:4b8e2d7a1c6f4a9e8d3b5c0f7a2e6d19@thread.tacv2;messageid=1764495020117")}/activities/1764495311842", reply.Path);
        Assert.Equal("Bearer " + FakeBotFramework.OutboundToken, reply.Authorization);
        var body = JsonNode.Parse(reply.Body)!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["attachments"]![0]!["contentType"]);
        var card = CardOf(reply);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("Sycophancy", (string?)card["body"]![0]!["text"]);
        Assert.Contains("what they want to hear", card.ToJsonString());
        var submit = card["body"]!.AsArray().Where(b => (string?)b!["type"] == "ActionSet").SelectMany(b => b!["actions"]!.AsArray()).ToList();
        var rlhf = Assert.Single(submit, a => (string?)a!["type"] == "Action.Submit" && (string?)a["data"]!["slug"] == "rlhf")!;
        Assert.Equal("""{"alignbot":"show_term","slug":"rlhf"}""", rlhf["data"]!.ToJsonString());   // plain data: no msteams part
        CardArtifacts.Write("teams", "e2e_mention_reply", reply.Body);
    }

    [Theory]
    [InlineData("personal", "conv-1")]
    [InlineData("channel", "19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856")]   // no mention: a click needs none
    public async Task Related_term_button_sends_that_terms_card(string conversationType, string conversationId)
    {
        // A click on an Action.Submit with plain data: a message activity with the data as its value and no text, as
        // Microsoft documents for Teams (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions)
        // and as Microsoft 365 Agents Playground 0.2.28 sends it (recorded from its page, ids shortened).
        var activity = JsonNode.Parse("""
            {"type":"message","id":"dbd098a4","from":{"id":"user-id-0","name":"Alex Wilber","aadObjectId":"00000000-0000-0000-0000-0000000000020"},
             "timestamp":"2026-11-30T08:38:46.494Z","localTimezone":"UTC","serviceUrl":"","channelId":"msteams",
             "conversation":{"conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000001","id":"conv-1"},
             "recipient":{"id":"","name":"Test Bot"},"locale":"en-US",
             "entities":[{"type":"clientInfo","locale":"en-US","country":"US","platform":"Web","timezone":"UTC"}],
             "channelData":{"source":{"name":"message"},"tenant":{"id":"00000000-0000-0000-0000-0000000000001"}},
             "replyToId":"1796027926273","value":{"alignbot":"show_term","slug":"rlhf"}}
            """)!;
        activity["serviceUrl"] = _host.Framework.ServiceUrl;
        activity["recipient"]!["id"] = "28:" + TestIssuer.AppId;
        activity["conversation"]!["conversationType"] = conversationType;
        activity["conversation"]!["id"] = conversationId;

        Assert.Equal(HttpStatusCode.OK, (await Send(activity)).StatusCode);

        var reply = Assert.Single(await _host.Framework.WaitForAsync(1));
        Assert.Equal("Reinforcement learning from human feedback", (string?)CardOf(reply)["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Chat_style_three_way_comparison_gets_one_column_per_term()
    {
        var activity = Fixture("message_channel_mention.json");
        activity["text"] = "<at>AlignBot</at> whats the diff between rlhf vs dpo vs rlaif";

        await Send(activity);

        var reply = (await _host.Framework.WaitForAsync(1))[0];
        var card = CardOf(reply);
        var columns = card["body"]!.AsArray().Single(b => (string?)b!["type"] == "ColumnSet")!["columns"]!.AsArray();
        Assert.Equal(3, columns.Count);
        Assert.Contains("Direct preference optimization", card.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        CardArtifacts.Write("teams", "e2e_three_way_comparison", reply.Body);
    }

    [Fact]
    public async Task Personal_message_needs_no_mention()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send(Fixture("alignbot_message_personal.json"))).StatusCode);

        var reply = Assert.Single(await _host.Framework.WaitForAsync(1));
        Assert.Equal("Reinforcement learning from human feedback", (string?)CardOf(reply)["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Channel_message_without_a_mention_of_the_bot_is_not_answered()
    {
        var activity = Fixture("message_channel_mention.json");
        activity["entities"] = new JsonArray();
        activity["text"] = "what is sycophancy";

        Assert.Equal(HttpStatusCode.OK, (await Send(activity)).StatusCode);
        await _host.DrainWorkAsync();
        Assert.Empty(_host.Framework.Sent);
    }

    [Fact]
    public async Task Compose_extension_query_returns_previews_in_the_response_body()
    {
        var activity = Fixture("composeExtension_query.json");
        activity["value"] = JsonNode.Parse("""{"commandId":"searchTerms","parameters":[{"name":"searchQuery","value":"reward"}],"queryOptions":{"skip":0,"count":5}}""");

        var response = await Send(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var result = JsonNode.Parse(json)!["composeExtension"]!;
        Assert.Equal("result", (string?)result["type"]);
        var attachments = result["attachments"]!.AsArray();
        Assert.InRange(attachments.Count, 1, 5);
        Assert.All(attachments, a => Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)a!["preview"]!["contentType"]));
        Assert.Contains(attachments, a => ((string?)a!["preview"]!["content"]!["title"])!.Contains("Reward"));
        CardArtifacts.Write("teams", "e2e_compose_query", json);
        Assert.Empty(_host.Framework.Sent);
    }

    [Fact]
    public async Task Compose_extension_initial_run_offers_popular_terms_and_select_item_returns_the_card()
    {
        var first = await Send(Fixture("alignbot_composeExtension_initialRun.json"));
        var previews = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["composeExtension"]!["attachments"]!.AsArray();
        Assert.Contains(previews, a => (string?)a!["preview"]!["content"]!["title"] == "Sycophancy");

        var select = Fixture("alignbot_composeExtension_initialRun.json");
        select["name"] = "composeExtension/selectItem";
        select["value"] = new JsonObject { ["slug"] = "jailbreak" };
        var chosen = JsonNode.Parse(await (await Send(select)).Content.ReadAsStringAsync())!;

        Assert.Equal("Jailbreak", (string?)chosen["composeExtension"]!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Bot_added_to_a_team_stores_the_reference_and_says_welcome_once()
    {
        var activity = Fixture("conversationUpdate_membersAdded_team.json");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + TestIssuer.AppId });

        Assert.Equal(HttpStatusCode.OK, (await Send(activity)).StatusCode);

        var welcome = Assert.Single(await _host.Framework.WaitForAsync(1));
        Assert.StartsWith("Hi, I'm AlignBot", (string?)CardOf(welcome)["body"]![0]!["text"]);
        Assert.Equal([(string)activity["channelData"]!["team"]!["id"]!], _host.Framework.RosterRequests);   // a small team: 3 members
        var conversation = (string)activity["conversation"]!["id"]!;
        var stored = await _host.Services.GetRequiredService<IConversationReferenceStore>().FindAsync(conversation);
        Assert.Equal((_host.Framework.ServiceUrl, "28:" + TestIssuer.AppId), (stored!.ServiceUrl, stored.BotId));
        CardArtifacts.Write("teams", "e2e_welcome", welcome.Body);
    }

    [Fact]
    public async Task Bot_added_to_a_team_of_more_than_100_members_stores_the_reference_but_says_no_welcome()
    {
        _host.Framework.TeamMembers = 250;
        var activity = Fixture("conversationUpdate_membersAdded_team.json");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + TestIssuer.AppId });

        Assert.Equal(HttpStatusCode.OK, (await Send(activity)).StatusCode);

        for (var i = 0; i < 100 && !_host.Logs.Lines.Any(l => l.Contains("No welcome in")); i++)
            await Task.Delay(50);
        await _host.DrainWorkAsync();
        Assert.Empty(_host.Framework.Sent);
        Assert.Single(_host.Framework.RosterRequests);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("the team has more than 100 members"));
        var stored = await _host.Services.GetRequiredService<IConversationReferenceStore>().FindAsync((string)activity["conversation"]!["id"]!);
        Assert.NotNull(stored);
    }

    [Fact]
    public async Task Bot_added_in_a_personal_chat_says_welcome_without_reading_a_roster()
    {
        var activity = Fixture("conversationUpdate_membersAdded_personal.json");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + TestIssuer.AppId });

        await Send(activity);

        Assert.Single(await _host.Framework.WaitForAsync(1));
        Assert.Empty(_host.Framework.RosterRequests);
    }

    [Fact]
    public async Task Daily_on_then_now_posts_the_term_of_the_day_into_the_conversation()
    {
        var on = Fixture("alignbot_message_personal.json");
        on["text"] = "daily on 10:00 Europe/Berlin every day";
        await Send(on);
        var confirmation = (await _host.Framework.WaitForAsync(1))[0];
        Assert.Contains("set by Amara Lindqvist", (string?)CardOf(confirmation)["body"]![0]!["text"]);
        Assert.Contains("10:00 Europe/Berlin, every day", (string?)CardOf(confirmation)["body"]![0]!["text"]);

        var now = Fixture("alignbot_message_personal.json");
        now["text"] = "daily now";
        now["id"] = "1764492072001";
        await Send(now);

        var sent = await _host.Framework.WaitForAsync(3);
        var conversation = Uri.EscapeDataString("a:1Hk7QwZp3Rt9Lm2Vx8Nc5Bd4Fg6Js0Ya_eUoPiTrEwQ");
        var proactive = Assert.Single(sent, r => r.Path == $"/teams/v3/conversations/{conversation}/activities");
        Assert.Equal("Term of the day", (string?)CardOf(proactive)["body"]![0]!["text"]);
        Assert.Contains(sent, r => r.Path.EndsWith("/activities/1764492072001") && CardOf(r).ToJsonString().Contains("Posted today"));
        CardArtifacts.Write("teams", "e2e_term_of_the_day", proactive.Body);
    }

    [Fact]
    public async Task Daily_on_without_a_zone_uses_the_senders_local_time_zone_and_says_so()
    {
        var on = Fixture("alignbot_message_personal.json");   // sent with "localTimezone": "Europe/Stockholm"
        on["text"] = "daily on 07:45";

        await Send(on);

        var reply = Assert.Single(await _host.Framework.WaitForAsync(1));
        Assert.Contains("07:45 Europe/Stockholm, weekdays (your time zone)", (string?)CardOf(reply)["body"]![0]!["text"]);
    }

    [Fact]
    public async Task Daily_on_with_a_folder_of_the_zone_database_gets_the_unknown_zone_answer()
    {
        var on = Fixture("alignbot_message_personal.json");
        on["text"] = "daily on 10:00 Europe";

        Assert.Equal(HttpStatusCode.OK, (await Send(on)).StatusCode);

        var reply = Assert.Single(await _host.Framework.WaitForAsync(1));
        Assert.Contains("is not a time zone I know", CardOf(reply).ToJsonString());
    }

    [Fact]
    public async Task Unknown_invoke_is_501()
    {
        var activity = Fixture("composeExtension_query.json");
        activity["name"] = "task/fetch";

        Assert.Equal(HttpStatusCode.NotImplemented, (await Send(activity)).StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"text\":\"no type\"}")]
    public async Task Body_that_is_not_an_activity_is_400(string body)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _host.Framework.Issuer.Token(_host.Framework.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Connector_429_is_retried_and_the_card_arrives_once()
    {
        _host.Framework.Script(429, "{\"error\":{\"code\":\"TooManyRequests\"}}");

        await Send(Fixture("alignbot_message_personal.json"));

        var sent = await _host.Framework.WaitForAsync(2);
        Assert.Equal(2, sent.Count);
        Assert.Equal(1, _host.Framework.TokenRequests);
    }

    [Fact]
    public async Task Reply_forbidden_with_message_writes_blocked_drops_the_reference()
    {
        var added = Fixture("conversationUpdate_membersAdded_personal.json");
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + TestIssuer.AppId });
        _host.Framework.Script(403, "{\"error\":{\"code\":\"BotDisabledByAdmin\",\"message\":\"MessageWritesBlocked\"}}");

        await Send(added);

        await _host.Framework.WaitForAsync(1);
        var conversation = (string)added["conversation"]!["id"]!;
        var store = _host.Services.GetRequiredService<IConversationReferenceStore>();
        for (var i = 0; i < 40 && await store.FindAsync(conversation) is not null; i++)
            await Task.Delay(50);
        Assert.Null(await store.FindAsync(conversation));
    }
}
