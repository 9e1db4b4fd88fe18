using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// The App Home's living-glossary sections through the real host, its store and the loopback Slack: a workspace's own
/// terms and recent additions (there and nowhere else), a curator's pending suggestions and unanswered questions (not
/// a non-curator's), their buttons working as the review message's do, and workspace-supplied text escaped.
/// </summary>
public sealed class SlackHomeWorkspaceTests : IAsyncLifetime
{
    private const string Team = "T04ALGN7Q2";
    private const string OtherTeam = "T09OTHER01";
    private const string Member = "U03KD8MRQ1";
    private const string Curator = "U0CURATOR1";
    private const string AddedCurator = "U0ADDED001";
    private const string Publish = "/api/views.publish";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private SlackHost _host = null!;
    private int _sent;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync(_ => { }, ("Slack:Curators:0", Curator));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private T Store<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private static WorkspaceKey Workspace(string team = Team) => new(Platform.Slack, team);

    private static TermDraft Draft(string name, string definition) => new(name, [], definition, "https://example.org/" + name.Length, []);

    private Task AddTermAsync(string slug, string name, string definition, DateTimeOffset approvedAt, string team = Team) =>
        Store<IWorkspaceTermStore>().SaveAsync(new WorkspaceTerm(Workspace(team), slug, Draft(name, definition), Member, Curator, approvedAt),
            TermChange.Approved, Curator, approvedAt);

    private async Task<Suggestion> SuggestAsync(string name, string definition)
    {
        var suggestion = Suggestion.New(Workspace(), Draft(name, definition), Member, Now);
        Assert.True(await Store<ISuggestionStore>().TryAddAsync(suggestion, 20));
        return suggestion;
    }

    /// <summary>Opens the Home tab as <paramref name="user"/> and returns the view published for them.</summary>
    private async Task<JsonNode> OpenHomeAsync(string user, string team = Team)
    {
        var envelope = JsonNode.Parse(Fixtures.Text("slack/app_home_opened.json"))!;
        envelope["team_id"] = team;
        envelope["event_id"] = $"Ev08HOME{Interlocked.Increment(ref _sent):D4}";
        envelope["event"]!["user"] = user;
        var before = _host.Slack.Requests.Count(r => r.Path == Publish);
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/events", new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = JsonNode.Parse((await _host.Slack.WaitForPathAsync(Publish, before + 1))[before].Body)!;
        Assert.Equal(user, (string?)published["user_id"]);
        return published["view"]!;
    }

    /// <summary>A button clicked in the Home tab (no response_url, no channel), as Slack posts it.</summary>
    private async Task<HttpResponseMessage> ClickInHomeAsync(string actionId, string value, string user, int? click = null)
    {
        var id = click ?? Interlocked.Increment(ref _sent);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team },
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V08HOME001" },
            ["view"] = new JsonObject { ["id"] = "V08HOME001", ["type"] = "home", ["blocks"] = new JsonArray() },
            ["trigger_id"] = $"trigger-{id}",
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = $"{id}.0" }),
        };
        using var client = _host.CreateSlackClient();
        return await client.PostAsync("/slack/interactions",
            new StringContent("payload=" + Uri.EscapeDataString(payload.ToJsonString()), Encoding.UTF8, "application/x-www-form-urlencoded"));
    }

    private static List<JsonNode> Blocks(JsonNode view) => [.. view["blocks"]!.AsArray().Select(b => b!)];

    private static List<string> Headers(JsonNode view) =>
        [.. Blocks(view).Where(b => (string?)b["type"] == "header").Select(b => (string)b["text"]!["text"]!)];

    private static List<JsonNode> Buttons(JsonNode view) =>
        [.. Blocks(view).Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray()).Select(e => e!)
            .Concat(Blocks(view).Select(b => b["accessory"]).OfType<JsonNode>().Where(a => (string?)a["type"] == "button"))];

    /// <summary>Every mrkdwn text in the view: what Slack parses for mentions, links and formatting.</summary>
    private static List<string> Mrkdwn(JsonNode view) =>
        [.. Blocks(view).SelectMany(b => new[] { b["text"] }.Concat(b["elements"]?.AsArray() ?? []))
            .OfType<JsonNode>().Where(t => (string?)t["type"] == "mrkdwn").Select(t => (string)t["text"]!)];

    [Fact]
    public async Task A_workspace_with_its_own_terms_sees_them_and_its_recent_additions_and_another_workspace_does_not()
    {
        await AddTermAsync("blue-team-drill", "Blue team drill", "Our quarterly exercise where the safety team tries to break the release pipeline.", Now.AddDays(-2));
        await AddTermAsync("launch-review", "Launch review", "The meeting where a model release is checked against our safety case before it ships.", Now.AddDays(-1));

        var own = await OpenHomeAsync(Member);
        var other = await OpenHomeAsync(Member, OtherTeam);

        Assert.Equal(["AlignBot", "Term of the day", "This workspace's terms", "Recently added", "The glossary"], Headers(own));
        Assert.Contains(Buttons(own), b => (string?)b["action_id"] == $"{ActionIds.ShowTerm}:blue-team-drill" && (string?)b["text"]!["text"] == "Blue team drill");
        var recent = Mrkdwn(own).Where(t => t.Contains("suggested by", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, recent.Count);
        Assert.StartsWith("*Launch review*", recent[0]);   // newest first
        Assert.Contains($"suggested by <@{Member}>, approved by <@{Curator}> on ", recent[0]);
        Assert.Equal(["AlignBot", "Term of the day", "The glossary"], Headers(other));
        Assert.DoesNotContain("blue-team-drill", other.ToJsonString());
        Assert.DoesNotContain("Launch review", other.ToJsonString());
        CardArtifacts.Write("slack", "home_view_workspace_terms", own.ToJsonString());
    }

    [Fact]
    public async Task A_curator_sees_pending_suggestions_and_unanswered_questions_and_a_non_curator_does_not()
    {
        var suggestion = await SuggestAsync("Blue team drill", "Our quarterly exercise where the safety team tries to break the release pipeline.");
        await Store<IUnansweredStore>().RecordAsync(Workspace(), "what is a purple team", Now);
        await Store<ICuratorStore>().AddAsync(Workspace(), AddedCurator, Curator, Now);

        var curator = await OpenHomeAsync(Curator);
        var added = await OpenHomeAsync(AddedCurator);
        var member = await OpenHomeAsync(Member);

        foreach (var view in new[] { curator, added })
        {
            Assert.Equal(["AlignBot", "Term of the day", "Waiting for your review", "Asked, not answered", "The glossary"], Headers(view));
            var review = Blocks(view).Single(b => (string?)b["block_id"] == "home-review-" + suggestion.Id)["elements"]!.AsArray();
            Assert.Equal([ActionIds.Approve, ActionIds.Edit, ActionIds.Reject], review.Select(e => (string?)e!["action_id"]));
            Assert.All(review, e => Assert.Equal(suggestion.Id, (string?)e!["value"]));
            Assert.Contains(Buttons(view), b => ((string?)b["action_id"])!.StartsWith(ActionIds.AddDefinition, StringComparison.Ordinal)
                && (string?)b["value"] == "what is a purple team");
        }
        Assert.Equal(["AlignBot", "Term of the day", "The glossary"], Headers(member));
        Assert.DoesNotContain(suggestion.Id, member.ToJsonString());
        Assert.DoesNotContain("purple team", member.ToJsonString());
        CardArtifacts.Write("slack", "home_view_curator", curator.ToJsonString());
    }

    [Fact]
    public async Task Approve_clicked_in_the_home_tab_approves_exactly_once_and_publishes_the_home_again_without_it()
    {
        var suggestion = await SuggestAsync("Blue team drill", "Our quarterly exercise where the safety team tries to break the release pipeline.");

        var first = await ClickInHomeAsync(ActionIds.Approve, suggestion.Id, Curator, click: 9001);
        var replay = await ClickInHomeAsync(ActionIds.Approve, suggestion.Id, Curator, click: 9001);
        var second = await ClickInHomeAsync(ActionIds.Approve, suggestion.Id, Curator);
        await _host.DrainWorkAsync();

        Assert.All([first, replay, second], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var terms = await Store<IWorkspaceTermStore>().ListAsync(Workspace());
        Assert.Equal("Blue team drill", Assert.Single(terms).Draft.Name);
        Assert.Single(await Store<IWorkspaceTermStore>().HistoryAsync(Workspace(), terms[0].Slug));
        Assert.Equal(1, _host.Logs.Lines.Count(l => l.Contains($"Suggestion {suggestion.Id}", StringComparison.Ordinal) && l.Contains("Approved", StringComparison.Ordinal)));
        var toCurator = _host.Slack.Requests.Where(r => r.Path == "/api/chat.postMessage" && (string?)JsonNode.Parse(r.Body)!["channel"] == Curator)
            .Select(r => r.Body).ToList();
        Assert.Equal(2, toCurator.Count);
        Assert.Single(toCurator, b => b.Contains("Approved by", StringComparison.Ordinal));
        Assert.Single(toCurator, b => b.Contains("already been decided", StringComparison.Ordinal));
        var republished = JsonNode.Parse(Assert.Single(_host.Slack.Requests, r => r.Path == Publish).Body)!["view"]!;
        Assert.Contains(Buttons(republished), b => (string?)b["action_id"] == $"{ActionIds.ShowTerm}:{terms[0].Slug}");
        Assert.DoesNotContain(suggestion.Id, republished.ToJsonString());
    }

    [Fact]
    public async Task Edit_clicked_in_the_home_tab_opens_the_form_with_the_suggestion_in_it()
    {
        var suggestion = await SuggestAsync("Blue team drill", "Our quarterly exercise where the safety team tries to break the release pipeline.");

        var response = await ClickInHomeAsync(ActionIds.Edit, suggestion.Id, Curator, click: 9100);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = JsonNode.Parse(Assert.Single(await _host.Slack.WaitForPathAsync("/api/views.open")).Body)!;
        Assert.Equal("trigger-9100", (string?)open["trigger_id"]);
        Assert.Equal(SlackModal.CallbackId, (string?)open["view"]!["callback_id"]);
        Assert.Contains("Our quarterly exercise where the safety team", open.ToJsonString());
    }

    [Fact]
    public async Task Add_definition_clicked_in_the_home_tab_opens_the_form_prefilled_with_the_question()
    {
        await Store<IUnansweredStore>().RecordAsync(Workspace(), "what is a purple team", Now);
        var button = Buttons(await OpenHomeAsync(Curator)).Single(b => ((string?)b["action_id"])!.StartsWith(ActionIds.AddDefinition, StringComparison.Ordinal));

        var response = await ClickInHomeAsync((string)button["action_id"]!, (string)button["value"]!, Curator, click: 9200);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = JsonNode.Parse(Assert.Single(await _host.Slack.WaitForPathAsync("/api/views.open")).Body)!;
        Assert.Equal("trigger-9200", (string?)open["trigger_id"]);
        Assert.Contains("\"initial_value\":\"purple team\"", open.ToJsonString());
    }

    [Fact]
    public async Task A_form_Slack_will_not_open_from_the_home_tab_is_answered_in_the_persons_messages()
    {
        await Store<IUnansweredStore>().RecordAsync(Workspace(), "what is a purple team", Now);
        var button = Buttons(await OpenHomeAsync(Curator)).Single(b => ((string?)b["action_id"])!.StartsWith(ActionIds.AddDefinition, StringComparison.Ordinal));
        _host.Slack.Script("/api/views.open", 200, """{"ok":false,"error":"expired_trigger_id"}""");

        var response = await ClickInHomeAsync((string)button["action_id"]!, (string)button["value"]!, Curator, click: 9300);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = JsonNode.Parse(Assert.Single(await _host.Slack.WaitForPathAsync("/api/chat.postMessage")).Body)!;
        Assert.Equal(Curator, (string?)message["channel"]);
        Assert.Contains("could not be opened. Ask for it again", (string?)message["text"]);
        Assert.Single(_host.Logs.Lines, l => l.Contains("could not be opened in team") && l.Contains("expired_trigger_id"));
    }

    [Fact]
    public async Task Approve_clicked_in_the_home_tab_by_a_non_curator_is_refused_in_their_messages_and_decides_nothing()
    {
        var suggestion = await SuggestAsync("Blue team drill", "Our quarterly exercise where the safety team tries to break the release pipeline.");

        var response = await ClickInHomeAsync(ActionIds.Approve, suggestion.Id, Member);
        await _host.DrainWorkAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = Assert.Single(_host.Slack.Requests, r => r.Path == "/api/chat.postMessage");
        Assert.Equal(Member, (string?)JsonNode.Parse(note.Body)!["channel"]);
        Assert.Contains("Only curators", note.Body);
        Assert.Empty(await Store<IWorkspaceTermStore>().ListAsync(Workspace()));
        Assert.DoesNotContain(_host.Slack.Requests, r => r.Path == Publish);
    }

    [Fact]
    public async Task Workspace_supplied_text_is_escaped_in_the_home_view()
    {
        const string Name = "<!channel> *drill* & <https://evil.example|click>";
        const string Definition = "Ping <@U0ATTACK1> and <!here>: a definition long enough to pass the checks, with <b>markup</b> & ampersands.";
        await AddTermAsync("hostile-drill", Name, Definition, Now);
        await SuggestAsync(Name, Definition);

        var view = await OpenHomeAsync(Curator);

        var texts = Mrkdwn(view);
        Assert.Contains(texts, t => t.Contains("&lt;!channel&gt; *drill* &amp; &lt;https://evil.example|click&gt;", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Ping &lt;@U0ATTACK1&gt; and &lt;!here&gt;", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("<!", StringComparison.Ordinal) || t.Contains("<https://evil", StringComparison.Ordinal)
            || t.Contains("<@U0ATTACK1>", StringComparison.Ordinal));
        CardArtifacts.Write("slack", "home_view_escaped", view.ToJsonString());
    }
}
