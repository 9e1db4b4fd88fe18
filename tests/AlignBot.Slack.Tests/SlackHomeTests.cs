using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Home;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// The App Home: <c>app_home_opened</c>, over HTTP or a socket, publishes the Home view with views.publish; a term
/// button clicked there sends the card to the person's messages; the view stays within Block Kit's limits. The living
/// glossary's sections are in <see cref="SlackHomeWorkspaceTests"/>.
/// </summary>
public sealed class SlackHomeTests
{
    private const string Publish = "/api/views.publish";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static JsonNode Opened(string tab = "home")
    {
        var envelope = JsonNode.Parse(Fixtures.Text("slack/app_home_opened.json"))!;
        envelope["event"]!["tab"] = tab;
        return envelope;
    }

    [Fact]
    public async Task Opening_the_home_tab_publishes_search_todays_term_and_every_term_by_category()
    {
        await using var host = await SlackHost.StartAsync();
        using var client = host.CreateSlackClient();

        var response = await client.PostAsync("/slack/events", Json(Opened().ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = Assert.Single(await host.Slack.WaitForPathAsync(Publish));
        Assert.Equal("Bearer " + SlackHost.BotToken, publish.Authorization);
        var body = JsonNode.Parse(publish.Body)!;
        Assert.Equal("U03KD8MRQ1", (string?)body["user_id"]);
        var view = body["view"]!;
        Assert.Equal("home", (string?)view["type"]);
        var blocks = view["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 100);
        Assert.Contains(blocks, b => (string?)b!["accessory"]?["action_id"] == SlackActions.PickTerm);
        Assert.Contains(blocks, b => (string?)b!["text"]?["text"] == "Term of the day");
        var buttons = blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string?)e!["value"]).ToHashSet();
        var glossary = host.Services.GetService(typeof(AlignBot.Glossary.TermGlossary)) as AlignBot.Glossary.TermGlossary;
        Assert.All(glossary!.Terms, t => Assert.Contains(t.Slug, buttons));
        CardArtifacts.Write("slack", "home_view", view.ToJsonString());
    }

    [Fact]
    public async Task Opening_the_home_tab_over_the_socket_publishes_it_too()
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false);
        _ = host.Services;
        var socket = (await host.SocketMode!.WaitForOpenAsync(2))[0];

        var id = await socket.SendEnvelopeAsync("events_api", Opened());

        await host.SocketMode.WaitForAckAsync(id);
        var publish = Assert.Single(await host.Slack.WaitForPathAsync(Publish));
        Assert.Equal("home", (string?)JsonNode.Parse(publish.Body)!["view"]!["type"]);
    }

    [Fact]
    public async Task Opening_the_messages_tab_publishes_nothing()
    {
        await using var host = await SlackHost.StartAsync();
        using var client = host.CreateSlackClient();

        var response = await client.PostAsync("/slack/events", Json(Opened("messages").ToJsonString()));
        await host.DrainWorkAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Slack.Requests, r => r.Path == Publish);
    }

    [Fact]
    public async Task A_term_clicked_in_the_home_tab_arrives_as_a_card_in_the_persons_messages()
    {
        await using var host = await SlackHost.StartAsync();
        using var client = host.CreateSlackClient();
        var click = JsonNode.Parse(Fixtures.Text("slack/block_actions.json"))!;
        click["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V08HOME001" };
        click["view"] = new JsonObject { ["id"] = "V08HOME001", ["type"] = "home", ["blocks"] = new JsonArray() };
        click.AsObject().Remove("response_url");
        click.AsObject().Remove("channel");
        click["actions"]![0]!["action_id"] = $"{ActionIds.ShowTerm}:rlhf";
        click["actions"]![0]!["value"] = "rlhf";

        var response = await client.PostAsync("/slack/interactions",
            new StringContent("payload=" + Uri.EscapeDataString(click.ToJsonString()), Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = JsonNode.Parse(Assert.Single(await host.Slack.WaitForPathAsync("/api/chat.postMessage")).Body)!;
        Assert.Equal("U03JX2PLN4", (string?)post["channel"]);
        Assert.Equal("Reinforcement learning from human feedback", (string?)post["blocks"]![0]!["text"]!["text"]);
    }

    [Fact]
    public void A_glossary_too_big_for_one_view_is_cut_at_100_blocks_and_says_how_to_find_the_rest()
    {
        var categories = Enumerable.Range(1, 40)
            .Select(c => new HomeCategory($"c{c}", $"Category {c}", [.. Enumerable.Range(1, 60).Select(t => new TermRef($"t{c}-{t}", $"Term {c}.{t}", "A summary."))]))
            .ToList();
        var page = new HomePage([new HomeSection.Search(2400), new HomeSection.TodaysTerm(categories[0].Terms[0], "Category 1"), new HomeSection.Glossary(categories)]);

        var view = SlackHomeView.Render(page);

        var blocks = view["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 90, 100);
        Assert.Contains("More terms", (string?)blocks[^1]!["elements"]![0]!["text"]);
        CardArtifacts.Write("slack", "home_view_cut", view.ToJsonString());
    }

    private static HomePage FullPage(int pending)
    {
        var workspace = new WorkspaceKey(Platform.Slack, "T04ALGN7Q2");
        var at = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var draft = new TermDraft("Blue team drill", [], "Our quarterly exercise where the safety team tries to break the release pipeline.", null, []);
        var categories = Enumerable.Range(1, 40)
            .Select(c => new HomeCategory($"c{c}", $"Category {c}", [.. Enumerable.Range(1, 60).Select(t => new TermRef($"t{c}-{t}", $"Term {c}.{t}", "A summary."))]))
            .ToList();
        return new HomePage(
        [
            new HomeSection.Search(2400),
            new HomeSection.TodaysTerm(categories[0].Terms[0], "Category 1"),
            new HomeSection.WorkspaceTerms([.. Enumerable.Range(1, HomePages.ListedTerms).Select(i => new TermRef($"w{i}", $"Workspace term {i}", "Ours."))], 300),
            new HomeSection.RecentAdditions([.. Enumerable.Range(1, HomePages.ListedItems).Select(i => new WorkspaceTerm(workspace, $"w{i}", draft, "U1", "U2", at))]),
            new HomeSection.PendingReview([.. Enumerable.Range(1, pending).Select(_ => Suggestion.New(workspace, draft, "U1", at))], pending + 35),
            new HomeSection.Unanswered([.. Enumerable.Range(1, HomePages.ListedItems).Select(i => new UnansweredQuestion($"what is thing {i}", i, at))]),
            new HomeSection.Glossary(categories),
        ]);
    }

    [Fact]
    public void A_full_home_with_every_workspace_section_stays_within_100_blocks_and_says_what_is_not_shown()
    {
        var view = SlackHomeView.Render(FullPage(HomePages.ListedItems));

        var blocks = view["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 90, 100);
        var text = view.ToJsonString();
        Assert.Contains("The first 50 by name are here", text);
        Assert.Contains("35 more waiting", text);
        Assert.Contains("More terms", (string?)blocks[^1]!["elements"]![0]!["text"]);
        var blockIds = blocks.Select(b => (string?)b!["block_id"]).OfType<string>().ToList();
        Assert.Equal(blockIds.Count, blockIds.Distinct().Count());
        CardArtifacts.Write("slack", "home_view_full", view.ToJsonString());
    }

    [Fact]
    public void A_section_longer_than_the_room_left_is_cut_with_a_note()
    {
        var view = SlackHomeView.Render(FullPage(60));

        var blocks = view["blocks"]!.AsArray();
        Assert.Equal(100, blocks.Count);
        Assert.Contains("more than the Home tab can show", (string?)blocks[^1]!["elements"]![0]!["text"]);
        Assert.DoesNotContain(blocks, b => (string?)b!["text"]?["text"] == "The glossary");
        CardArtifacts.Write("slack", "home_view_cut_section", view.ToJsonString());
    }

    [Fact]
    public async Task Reopening_the_home_tab_over_the_socket_shows_what_was_approved_since()
    {
        const string Curator = "U0CURATOR1";
        await using var host = await SlackHost.StartSocketModeAsync(http: false, settings: ("Slack:Curators:0", Curator));
        _ = host.Services;   // starts the host, which connects
        var socket = (await host.SocketMode!.WaitForOpenAsync(2))[0];
        var workspace = new WorkspaceKey(Platform.Slack, "T04ALGN7Q2");
        var suggestion = Suggestion.New(workspace, new TermDraft("Blue team drill", [], "Our quarterly exercise where the safety team tries to break the release pipeline.",
            null, []), "U03KD8MRQ1", DateTimeOffset.UtcNow);
        Assert.True(await host.Services.GetRequiredService<ISuggestionStore>().TryAddAsync(suggestion, 20));
        var opened = Opened();
        opened["event"]!["user"] = Curator;
        await host.SocketMode.WaitForAckAsync(await socket.SendEnvelopeAsync("events_api", opened));
        var before = JsonNode.Parse((await host.Slack.WaitForPathAsync(Publish))[0].Body)!["view"]!.ToJsonString();
        var approve = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = Curator, ["team_id"] = "T04ALGN7Q2" },
            ["team"] = new JsonObject { ["id"] = "T04ALGN7Q2" },
            ["view"] = new JsonObject { ["id"] = "V08HOME001", ["type"] = "home" },
            ["trigger_id"] = "trigger-socket-1",
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = ActionIds.Approve, ["value"] = suggestion.Id, ["type"] = "button", ["action_ts"] = "1.0" }),
        };
        await host.SocketMode.WaitForAckAsync(await socket.SendEnvelopeAsync("interactive", approve));
        await host.Slack.WaitForPathAsync(Publish, 2);
        opened["event_id"] = "Ev08HOME7732";

        await host.SocketMode.WaitForAckAsync(await socket.SendEnvelopeAsync("events_api", opened));

        var reopened = JsonNode.Parse((await host.Slack.WaitForPathAsync(Publish, 3))[2].Body)!["view"]!.ToJsonString();
        Assert.Contains(suggestion.Id, before);
        Assert.DoesNotContain("Recently added", before);
        Assert.DoesNotContain(suggestion.Id, reopened);
        Assert.Contains("Recently added", reopened);
        Assert.Contains($"{ActionIds.ShowTerm}:blue-team-drill", reopened);
    }
}
