using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// The living glossary end to end on Slack, through the signed endpoints and the loopback Slack: <c>/align suggest</c>
/// opens the modal, a submission is checked inline, stored, and sent to the curators; Approve, Reject and Edit decide it
/// once; the approved term answers in its workspace and no other; refusals are a private note and one log line.
/// </summary>
public sealed class SlackLivingGlossaryTests : IAsyncLifetime
{
    private const string Team = "T04ALGN7Q2";
    private const string Suggester = "U03KD8MRQ1";
    private const string Curator = "U0CURATOR1";
    private const string Definition = "Our quarterly exercise where the safety team tries to break the release pipeline.";
    private SlackHost _host = null!;
    private int _clicks;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync(OutageStore.Install, ("Slack:Curators:0", Curator));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SqlDatabase Store => _host.Services.GetRequiredService<SqlDatabase>();

    /// <summary>The host's store behind a switch (the real one while it is up).</summary>
    private OutageStore Outage => _host.Services.GetRequiredService<OutageStore>();

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static StringContent Payload(JsonNode payload) => SlackModalSubmission.Body(payload);

    private Task<HttpResponseMessage> CommandAsync(HttpClient client, string text, string team = Team, string user = Suggester) =>
        client.PostAsync("/slack/commands", Form($"team_id={team}&channel_id=C05RSRCH01&user_id={user}&command=%2Falign&text={Uri.EscapeDataString(text)}"
            + $"&response_url={Uri.EscapeDataString(_host.Slack.ResponseUrl("cmd"))}&trigger_id=trigger-{Interlocked.Increment(ref _clicks)}"));

    private JsonNode Click(string actionId, string value, string user, string team = Team, bool ephemeral = false)
    {
        var click = Interlocked.Increment(ref _clicks);
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["team"] = new JsonObject { ["id"] = team },
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = "C05RSRCH01", ["is_ephemeral"] = ephemeral },
            ["trigger_id"] = $"trigger-{click}",
            ["response_url"] = _host.Slack.ResponseUrl("click-" + click),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["action_ts"] = $"{click}.0" }),
        };
    }

    private static JsonNode Submission(string name, string definition, string source = "", string? metadata = null, string user = Suggester, string team = Team,
        string aliases = "BTD") =>
        SlackModalSubmission.Of(user, team, name, definition, aliases, source, metadata ?? "", related: ["red-teaming", "not-a-term"]);

    private async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match)
    {
        for (var seen = 1; seen < 100; seen++)
        {
            var requests = await _host.Slack.WaitForAsync(seen, TimeSpan.FromSeconds(10));
            if (requests.FirstOrDefault(match) is { } found)
                return found;
            if (requests.Count < seen)
                break;
        }
        throw new Xunit.Sdk.XunitException("Slack was not sent the expected request.");
    }

    /// <summary>Submits a valid suggestion and returns its id, once its review reached the curator.</summary>
    private async Task<string> SuggestAsync(HttpClient client, string name = "Blue team drill")
    {
        var response = await client.PostAsync("/slack/interactions", Payload(Submission(name, Definition, "https://example.org/drill")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());   // closes the modal
        var review = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains(ActionIds.Approve) && r.Body.Contains(name));
        return (string)JsonNode.Parse(review.Body)!["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "actions")!["elements"]![0]!["value"]!;
    }

    [Fact]
    public async Task Suggest_command_opens_the_modal_with_the_term_prefilled()
    {
        using var client = _host.CreateSlackClient();

        var response = await CommandAsync(client, "suggest Blue team drill");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = await WaitForAsync(r => r.Path == "/api/views.open");
        var body = JsonNode.Parse(open.Body)!;
        Assert.StartsWith("trigger-", (string?)body["trigger_id"]);
        Assert.Equal(SlackModal.CallbackId, (string?)body["view"]!["callback_id"]);
        Assert.Contains("\"initial_value\":\"Blue team drill\"", open.Body);
        CardArtifacts.Write("slack", "modal_suggest", body["view"]!.ToJsonString());
    }

    [Fact]
    public async Task A_form_Slack_will_not_open_is_answered_with_how_to_get_it_again()
    {
        using var client = _host.CreateSlackClient();
        _host.Slack.Script("/api/views.open", 200, """{"ok":false,"error":"expired_trigger_id"}""");

        var response = await CommandAsync(client, "suggest Blue team drill");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        if (answer.Contains("Working on it", StringComparison.Ordinal))   // a slow machine: past the acknowledgement's budget, the answer follows
            answer = Assert.Single(await _host.Slack.WaitForPathAsync("/hooks/cmd")).Body;
        Assert.Contains("The form for “Blue team drill” could not be opened. Ask for it again", answer);
        Assert.DoesNotContain("Opening the form", answer);
        Assert.Single(_host.Logs.Lines, l => l.Contains("could not be opened in team") && l.Contains("expired_trigger_id"));
    }

    [Fact]
    public async Task A_suggestion_of_a_term_already_defined_shows_its_card_instead_of_the_form()
    {
        using var client = _host.CreateSlackClient();

        var answer = await (await CommandAsync(client, "suggest RLHF")).Content.ReadAsStringAsync();

        Assert.Contains("Already in the glossary", answer);
        Assert.Contains("Reinforcement learning from human feedback", answer);
        await _host.DrainWorkAsync();
        Assert.DoesNotContain(_host.Slack.Requests, r => r.Path == "/api/views.open");
    }

    [Fact]
    public async Task Bad_fields_are_answered_inline_as_errors_and_nothing_is_stored()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("  ", "Too short.", "http://example.org/plain")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal(["definition", "name", "source"], body["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Empty(await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team)));
    }

    [Fact]
    public async Task A_suggestion_whose_other_name_is_already_defined_is_answered_with_that_term_and_nothing_is_stored()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition, aliases: "BTD, RLHF")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal(["aliases"], body["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("Reinforcement learning from human feedback", (string?)body["errors"]!["aliases"]);
        Assert.Empty(await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team)));
    }

    [Fact]
    public async Task An_edit_of_a_pending_suggestion_to_a_name_already_defined_is_answered_inline_and_decides_nothing()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("RLHF", Definition, metadata: id + "\n", user: Curator)));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal(["name"], body["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(SuggestionState.Pending, (await Store.Suggestions.FindAsync(new WorkspaceKey(Platform.Slack, Team), id))!.State);
    }

    [Fact]
    public async Task Suggest_review_approve_and_the_term_answers_in_its_workspace_and_no_other()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);
        var review = _host.Slack.Requests.Single(r => r.Path == "/api/chat.postMessage" && r.Body.Contains(ActionIds.Approve));
        Assert.Equal(Curator, (string?)JsonNode.Parse(review.Body)!["channel"]);   // no review channel: each curator directly
        Assert.Equal(SuggestionState.Pending, (await Store.Suggestions.FindAsync(new WorkspaceKey(Platform.Slack, Team), id))!.State);
        CardArtifacts.Write("slack", "review_pending", review.Body);

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator)));

        var decided = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal));
        Assert.True((bool?)JsonNode.Parse(decided.Body)!["replace_original"]);
        Assert.Contains($"Approved by <@{Curator}>", decided.Body);
        Assert.DoesNotContain(ActionIds.Approve, decided.Body);
        CardArtifacts.Write("slack", "review_approved", decided.Body);
        var told = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\"") && r.Body.Contains("approved"));
        Assert.Contains("Blue team drill", told.Body);

        var here = await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync();
        var elsewhere = await (await CommandAsync(client, "define blue team drill", team: "T0OTHER01")).Content.ReadAsStringAsync();
        Assert.Contains(Definition, here);
        Assert.Contains($"Workspace term · suggested by <@{Suggester}>, approved by <@{Curator}> on", here);
        Assert.Contains(ActionIds.Helpful, here);
        Assert.DoesNotContain(Definition, elsewhere);
        Assert.Contains("No definition found", elsewhere);
        CardArtifacts.Write("slack", "e2e_workspace_term", here);
    }

    [Fact]
    public async Task A_term_name_containing_the_person_slot_is_written_as_typed_and_mentions_no_one()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client, "Drill {user} plan");

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator)));
        var told = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\"") && r.Body.Contains("approved"));
        var removed = await (await CommandAsync(client, "forget drill user plan", user: Curator)).Content.ReadAsStringAsync();

        foreach (var text in new[] { told.Body, removed })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "<@"));   // only the curator who acted
            Assert.Contains("user} plan", text);
        }
    }

    [Fact]
    public async Task Reject_tells_the_suggester_and_the_term_does_not_answer()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Reject, id, Curator)));

        var decided = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal));
        Assert.Contains($"Rejected by <@{Curator}>", decided.Body);
        await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\"") && r.Body.Contains("not accepted"));
        Assert.Contains("No definition found", await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Edit_opens_the_form_prefilled_and_its_submission_approves_the_edited_term()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Edit, id, Curator)));
        var open = JsonNode.Parse((await WaitForAsync(r => r.Path == "/api/views.open")).Body)!;
        var metadata = (string)open["view"]!["private_metadata"]!;
        Assert.StartsWith(id + "\n", metadata);
        Assert.Contains(Definition, open.ToJsonString());
        const string edited = "The exercise each quarter in which the safety team attacks our release pipeline on purpose.";
        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", edited, metadata: metadata, user: Curator)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal) && r.Body.Contains("Approved"));
        Assert.Contains(edited, decided.Body);
        Assert.Contains(edited, await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_click_from_someone_not_a_curator_is_refused_privately_with_one_log_line()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, "U0NOBODY01")));

        var note = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal));
        Assert.Equal("ephemeral", (string?)JsonNode.Parse(note.Body)!["response_type"]);
        Assert.False((bool?)JsonNode.Parse(note.Body)!["replace_original"]);
        Assert.Contains("Only curators", note.Body);
        await _host.DrainWorkAsync();
        Assert.Single(_host.Logs.Lines, l => l.Contains("[8003]"));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("[8003]") && l.Contains("not a curator") && !l.Contains(Definition));
        Assert.Equal(SuggestionState.Pending, (await Store.Suggestions.FindAsync(new WorkspaceKey(Platform.Slack, Team), id))!.State);
    }

    [Fact]
    public async Task A_workspace_admin_from_users_info_may_approve()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);
        _host.Slack.Script("/api/users.info", 200, """{"ok":true,"user":{"id":"U0ADMIN001","tz":"Europe/Paris","is_admin":true,"is_owner":false}}""");

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, "U0ADMIN001")));

        Assert.Contains("Approved by <@U0ADMIN001>", (await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal))).Body);
    }

    [Fact]
    public async Task Two_curators_clicking_at_once_give_exactly_one_outcome()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);

        await Task.WhenAll(
            client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator))),
            client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Reject, id, Curator))));
        await _host.DrainWorkAsync();

        var answers = _host.Slack.Requests.Where(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Single(answers, a => a.Body.Contains("Approved by") || a.Body.Contains("Rejected by"));
        Assert.Single(answers, a => a.Body.Contains("already been decided"));
        Assert.Single(_host.Logs.Lines, l => l.Contains("[8002]"));
    }

    [Fact]
    public async Task Approving_a_second_suggestion_of_a_name_already_approved_is_refused_and_leaves_it_pending()
    {
        using var client = _host.CreateSlackClient();
        const string second = "A second take on the drill, written by someone else who had not seen the first.";
        await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition)));
        await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", second, user: "U0OTHER001")));
        await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains("\"channel\":\"U0OTHER001\"") && r.Body.Contains("with the curators"));
        await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\"") && r.Body.Contains("with the curators"));
        var pending = await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team));
        Assert.Equal(2, pending.Count);

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, pending[0].Id, Curator)));
        await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal) && r.Body.Contains("Approved by"));
        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, pending[1].Id, Curator)));

        var refused = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal) && !r.Body.Contains("Approved by"));
        Assert.Contains("already has a term “Blue team drill”", refused.Body);
        Assert.Equal(SuggestionState.Pending, (await Store.Suggestions.FindAsync(new WorkspaceKey(Platform.Slack, Team), pending[1].Id))!.State);
        var terms = await Store.WorkspaceTerms.ListAsync(new WorkspaceKey(Platform.Slack, Team));
        Assert.Equal(Definition, Assert.Single(terms).Draft.Definition);
        await _host.DrainWorkAsync();
        Assert.Single(_host.Logs.Lines, l => l.Contains("[8003]") && l.Contains("name taken"));
    }

    [Fact]
    public async Task Forged_and_replayed_decisions_are_refused_and_logged_once_each()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);
        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator)));
        await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal) && r.Body.Contains("Approved by"));

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Reject, id, Curator)));                        // already decided
        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator, team: "T0OTHER01")));    // another workspace
        await _host.DrainWorkAsync();

        var refusals = _host.Logs.Lines.Where(l => l.Contains("[8003]")).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, l => l.Contains("already decided"));
        Assert.Contains(refusals, l => l.Contains("no such suggestion in this workspace"));
        Assert.All(refusals, l => Assert.DoesNotContain("hooks", l));
        Assert.Single(_host.Logs.Lines, l => l.Contains("[8002]"));
    }

    [Fact]
    public async Task A_suggestion_is_stored_even_when_its_review_cannot_be_posted()
    {
        using var client = _host.CreateSlackClient();
        for (var i = 0; i < SlackApiClient.MaxAttempts; i++)
            _host.Slack.Script("/api/chat.postMessage", 500);

        await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition)));
        await _host.DrainWorkAsync();

        var pending = Assert.Single(await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team)));
        Assert.Equal(Definition, pending.Draft.Definition);
        Assert.Equal(["red-teaming"], pending.Draft.Related);
        var told = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\""));
        Assert.Contains("is saved, but no curator can be reached yet", told.Body);
        Assert.Single(_host.Logs.Lines, l => l.Contains("[2028]") && l.Contains(Curator));
    }

    [Fact]
    public async Task A_submission_the_store_cannot_save_keeps_the_modal_open_with_what_was_typed_and_is_stored_when_sent_again()
    {
        using var client = _host.CreateSlackClient();
        var submission = Submission("Blue team drill", Definition, "https://example.org/drill");
        Outage.Down = true;

        var refused = await client.PostAsync("/slack/interactions", Payload(submission));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal(["name"], body["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("could not be saved right now, try again in a minute", (string?)body["errors"]!["name"]);
        var line = Assert.Single(_host.Logs.Lines, l => l.Contains("[2029]"));
        Assert.DoesNotContain(Definition, line);
        Outage.Down = false;
        Assert.Empty(await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team)));

        var saved = await client.PostAsync("/slack/interactions", Payload(submission));   // the same modal, submitted again

        Assert.Equal("", await saved.Content.ReadAsStringAsync());
        Assert.Equal(Definition, Assert.Single(await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team))).Draft.Definition);
        await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains(ActionIds.Approve));
    }

    [Fact]
    public async Task A_submission_the_store_does_not_answer_keeps_the_modal_open_within_slacks_three_seconds()
    {
        using var client = _host.CreateSlackClient();
        Outage.SuggestionsHang = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition)));

        Assert.InRange(clock.Elapsed, SlackViewSubmission.SaveBudget, TimeSpan.FromSeconds(3));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Contains("could not be saved right now", (string?)body["errors"]!["name"]);
        Assert.Single(_host.Logs.Lines, l => l.Contains("[2029]") && l.Contains("no answer from the store"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]   // whatever the envelope says: the field errors have no other way to the modal
    public async Task Over_socket_mode_a_submission_the_store_cannot_save_is_acknowledged_with_the_field_error(bool acceptsResponsePayload)
    {
        await using var host = await SlackHost.StartSocketModeAsync(http: false, OutageStore.Install, ("Slack:Curators:0", Curator));
        _ = host.Services;   // starts the host
        var connection = (await host.SocketMode!.WaitForOpenAsync(2))[0];
        host.Services.GetRequiredService<OutageStore>().Down = true;

        var id = await connection.SendEnvelopeAsync("interactive", Submission("Blue team drill", Definition), acceptsResponsePayload);

        var ack = await host.SocketMode.WaitForAckAsync(id);
        Assert.Equal("errors", (string?)ack["payload"]!["response_action"]);
        Assert.Contains("could not be saved right now", (string?)ack["payload"]!["errors"]!["name"]);
    }

    [Fact]
    public async Task An_edit_of_a_workspace_term_the_store_cannot_save_keeps_the_modal_open_and_changes_nothing()
    {
        using var client = _host.CreateSlackClient();
        var slug = await ApprovedTermAsync(client);
        const string edited = "The exercise each quarter in which the safety team attacks our release pipeline on purpose.";
        Outage.Down = true;

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", edited, metadata: "\n\n" + slug, user: Curator)));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Contains("could not be saved right now", (string?)body["errors"]!["name"]);
        Outage.Down = false;
        Assert.Equal(Definition, Assert.Single(await Store.WorkspaceTerms.ListAsync(new WorkspaceKey(Platform.Slack, Team))).Draft.Definition);
    }

    [Fact]
    public async Task A_suggestion_whose_store_goes_away_right_after_it_is_saved_stays_saved_and_the_lost_messages_are_one_warning_line_each()
    {
        using var client = _host.CreateSlackClient();
        Outage.GoDownAfter(nameof(ISuggestionStore.TryAddAsync));

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition)));

        Assert.Equal("", await response.Content.ReadAsStringAsync());   // saved: the modal closes
        await _host.DrainWorkAsync();
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        var lost = Assert.Single(_host.Logs.Lines, l => l.Contains("[5003]"));
        Assert.StartsWith("Warning", lost);
        Assert.DoesNotContain(Definition, lost);
        Outage.Down = false;
        Assert.Equal(Definition, Assert.Single(await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team))).Draft.Definition);
    }

    [Fact]
    public async Task A_suggestion_saved_as_the_host_starts_stopping_turns_the_modal_into_a_note_that_it_waits_for_review()
    {
        using var client = _host.CreateSlackClient();
        var queue = _host.Services.GetRequiredService<SlackWorkQueue>();
        Outage.AfterCall = method =>
        {
            if (method == nameof(ISuggestionStore.TryAddAsync))
                queue.Complete();   // the stop begins between the check before saving and the messages queued after it
        };

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("update", (string?)update["response_action"]);
        Assert.Equal("Saved", (string?)update["view"]!["title"]!["text"]);
        Assert.StartsWith("*Blue team drill* is saved and waits for review", (string?)update["view"]!["blocks"]![0]!["text"]!["text"]);
        CardArtifacts.Write("slack", "modal_saved", update["view"]!.ToJsonString());
        Assert.Single(_host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("was carried out, but the work queue is full or shutting down"));
        Assert.Equal(Definition, Assert.Single(await Store.Suggestions.PendingAsync(new WorkspaceKey(Platform.Slack, Team))).Draft.Definition);
        Assert.DoesNotContain(_host.Slack.Requests, r => r.Path == "/api/chat.postMessage");
    }

    [Fact]
    public async Task An_approval_whose_store_goes_away_right_after_it_commits_says_it_is_approved()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);
        Outage.GoDownAfter(nameof(ISuggestionStore.TryApproveAsync));

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator)));

        var decided = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal));
        Assert.Contains($"Approved by <@{Curator}>", decided.Body);
        Assert.DoesNotContain("cannot be reached", decided.Body);
        await _host.DrainWorkAsync();
        Assert.Single(_host.Logs.Lines, l => l.Contains("[8010]"));
        Outage.Down = false;
        Assert.Equal(SuggestionState.Approved, (await Store.Suggestions.FindAsync(new WorkspaceKey(Platform.Slack, Team), id))!.State);
    }

    [Fact]
    public async Task A_curator_whose_direct_message_fails_does_not_keep_the_review_from_the_others()
    {
        using var client = _host.CreateSlackClient();
        await CommandAsync(client, "curators add <@U0NEWCUR01>", user: Curator);
        for (var i = 0; i < SlackApiClient.MaxAttempts; i++)
            _host.Slack.Script("/api/chat.postMessage", 500);   // the first curator's DM

        await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition)));

        var review = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains(ActionIds.Approve) && r.Body.Contains("\"channel\":\"U0NEWCUR01\""));
        Assert.Contains("Blue team drill", review.Body);
        var told = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\""));
        Assert.Contains("is with the curators", told.Body);
        await _host.DrainWorkAsync();
        Assert.Single(_host.Logs.Lines, l => l.Contains("[2028]") && l.Contains(Curator));
    }

    [Fact]
    public async Task An_approval_whose_note_to_the_suggester_fails_still_replaces_the_review_and_the_term_answers()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);
        await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\"") && r.Body.Contains("with the curators"));
        for (var i = 0; i < SlackApiClient.MaxAttempts; i++)
            _host.Slack.Script("/api/chat.postMessage", 500);   // the note to the suggester

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator)));

        var decided = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal));
        Assert.Contains($"Approved by <@{Curator}>", decided.Body);
        Assert.Contains(Definition, await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync());
        await _host.DrainWorkAsync();
        Assert.Single(_host.Logs.Lines, l => l.Contains("[2028]") && l.Contains(Suggester));
    }

    [Fact]
    public async Task Review_here_makes_the_channel_the_review_channel_for_curators_only()
    {
        using var client = _host.CreateSlackClient();

        var refused = await (await CommandAsync(client, "review here")).Content.ReadAsStringAsync();
        var accepted = await (await CommandAsync(client, "review here", user: Curator)).Content.ReadAsStringAsync();
        await SuggestAsync(client);

        Assert.Contains("Only curators", refused);
        Assert.Contains("posted here for review", accepted);
        var review = _host.Slack.Requests.Single(r => r.Path == "/api/chat.postMessage" && r.Body.Contains(ActionIds.Approve));
        Assert.Equal("C05RSRCH01", (string?)JsonNode.Parse(review.Body)!["channel"]);
    }

    [Fact]
    public async Task Review_here_posts_the_suggestions_that_reached_no_curator()
    {
        using var client = _host.CreateSlackClient();
        for (var i = 0; i < SlackApiClient.MaxAttempts; i++)
            _host.Slack.Script("/api/chat.postMessage", 500);   // the only curator's DM
        await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", Definition)));
        await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Suggester}\"") && r.Body.Contains("no curator can be reached"));

        var accepted = await (await CommandAsync(client, "review here", user: Curator)).Content.ReadAsStringAsync();

        Assert.Contains("Posted 1 of the 1 suggestions still waiting", accepted);
        var review = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains(ActionIds.Approve) && r.Body.Contains("\"channel\":\"C05RSRCH01\""));
        Assert.Contains("Blue team drill", review.Body);
    }

    [Fact]
    public async Task Curators_add_list_and_remove_by_mention()
    {
        using var client = _host.CreateSlackClient();

        var added = await (await CommandAsync(client, "curators add <@U0NEWCUR01|amy>", user: Curator)).Content.ReadAsStringAsync();
        var listed = await (await CommandAsync(client, "curators")).Content.ReadAsStringAsync();
        var removed = await (await CommandAsync(client, "curators remove <@U0NEWCUR01>", user: "U0NEWCUR01")).Content.ReadAsStringAsync();

        Assert.Contains("<@U0NEWCUR01>", added);
        Assert.Contains("<@U0NEWCUR01>", listed);
        Assert.Contains($"<@{Curator}>", listed);
        Assert.Contains("No longer curators: <@U0NEWCUR01>", removed);
        Assert.Empty(await Store.Curators.ListAsync(new WorkspaceKey(Platform.Slack, Team)));
    }

    [Fact]
    public async Task Curators_add_in_a_mention_adds_the_person_mentioned_and_not_alignbot()
    {
        using var client = _host.CreateSlackClient();
        var mention = JsonNode.Parse(Fixtures.Text("slack/alignbot_app_mention_in_thread.json"))!;
        mention["event_id"] = "Ev0CURATORS1";
        mention["event"]!["user"] = Curator;
        mention["event"]!["text"] = "<@U05BQ7ALGN> curators add <@U0NEWCUR02>";

        var response = await client.PostAsync("/slack/events", new StringContent(mention.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await _host.Slack.WaitForPathAsync("/api/chat.postMessage", 1, TimeSpan.FromSeconds(10)));
        Assert.Contains("<@U0NEWCUR02>", post.Body);
        var curators = await Store.Curators.ListAsync(new WorkspaceKey(Platform.Slack, Team));
        Assert.Equal(["U0NEWCUR02"], curators);
    }

    [Fact]
    public async Task Unanswered_questions_are_kept_without_who_asked_and_shown_to_curators()
    {
        using var client = _host.CreateSlackClient();
        await CommandAsync(client, "what is a flibbertigibbet?");
        await CommandAsync(client, "What is a flibbertigibbet");

        var refused = await (await CommandAsync(client, "unanswered")).Content.ReadAsStringAsync();
        var digest = await (await CommandAsync(client, "unanswered", user: Curator)).Content.ReadAsStringAsync();

        Assert.Contains("Only curators", refused);
        Assert.Contains("flibbertigibbet", digest);
        Assert.Contains("asked 2 times", digest);
        Assert.Contains(ActionIds.AddDefinition, digest);
        var kept = Assert.Single(await Store.Unanswered.TopAsync(new WorkspaceKey(Platform.Slack, Team), DateTimeOffset.UnixEpoch, 10));
        Assert.DoesNotContain(Suggester, kept.Text);
        CardArtifacts.Write("slack", "digest", digest);
    }

    [Fact]
    public async Task Ratings_count_people_not_clicks_and_a_later_click_changes_that_persons_rating()
    {
        using var client = _host.CreateSlackClient();
        foreach (var (action, slug, user) in new[]
                 {
                     (ActionIds.NotHelpful, "sycophancy", Suggester), (ActionIds.NotHelpful, "sycophancy", Suggester), (ActionIds.NotHelpful, "sycophancy", Suggester),
                     (ActionIds.NotHelpful, "sycophancy", "U0SECOND01"), (ActionIds.NotHelpful, "reward-hacking", Suggester), (ActionIds.Helpful, "reward-hacking", Suggester),
                 })
        {
            await client.PostAsync("/slack/interactions", Payload(Click(action, slug, user)));
            await WaitForAsync(r => r.Path == $"/hooks/click-{_clicks}");   // each click answered, and so counted, before the next
        }

        var least = await Store.Ratings.LeastHelpfulAsync(new WorkspaceKey(Platform.Slack, Team), 10);

        Assert.Equal([new TermRating("sycophancy", 0, 2)], least);
    }

    [Fact]
    public async Task A_curator_forgets_a_workspace_term_keeping_its_history_but_not_a_corpus_term()
    {
        using var client = _host.CreateSlackClient();
        var id = await SuggestAsync(client);
        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator)));
        await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal) && r.Body.Contains("Approved by"));

        var refused = await (await CommandAsync(client, "forget blue team drill")).Content.ReadAsStringAsync();
        var corpus = await (await CommandAsync(client, "forget rlhf", user: Curator)).Content.ReadAsStringAsync();
        var removed = await (await CommandAsync(client, "forget blue team drill", user: Curator)).Content.ReadAsStringAsync();
        var after = await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync();

        Assert.Contains("Only curators", refused);
        Assert.Contains("cannot be changed from chat", corpus);
        Assert.Contains($"Removed “Blue team drill” from this workspace's glossary, by <@{Curator}>", removed);
        Assert.Contains("No definition found", after);
        var history = await Store.WorkspaceTerms.HistoryAsync(new WorkspaceKey(Platform.Slack, Team), "blue-team-drill");
        Assert.Equal([TermChange.Approved, TermChange.Deleted], history.Select(h => h.Change));
        Assert.Equal(Curator, history[^1].ChangedBy);
    }

    /// <summary>Suggests and approves "Blue team drill"; its slug.</summary>
    private async Task<string> ApprovedTermAsync(HttpClient client)
    {
        var id = await SuggestAsync(client);
        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.Approve, id, Curator)));
        await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal) && r.Body.Contains("Approved by"));
        return "blue-team-drill";
    }

    [Fact]
    public async Task A_curator_edits_a_workspace_term_in_the_modal_and_it_answers_with_the_new_text_keeping_its_history()
    {
        using var client = _host.CreateSlackClient();
        var slug = await ApprovedTermAsync(client);

        await CommandAsync(client, "edit blue team drill", user: Curator);
        var open = JsonNode.Parse((await WaitForAsync(r => r.Path == "/api/views.open")).Body)!;
        var metadata = (string)open["view"]!["private_metadata"]!;
        Assert.Equal("\n\n" + slug, metadata);
        Assert.Equal("Save", (string?)open["view"]!["submit"]!["text"]);
        Assert.Contains($"\"initial_value\":\"{Definition}\"", open.ToJsonString());
        Assert.Contains("\"initial_value\":\"BTD\"", open.ToJsonString());
        Assert.Contains("\"initial_value\":\"https://example.org/drill\"", open.ToJsonString());
        Assert.Contains("red-teaming", open.ToJsonString());
        CardArtifacts.Write("slack", "modal_edit_term", open["view"]!.ToJsonString());
        const string edited = "The exercise each quarter in which the safety team attacks our release pipeline on purpose.";
        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", edited, metadata: metadata, user: Curator)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var told = await WaitForAsync(r => r.Path == "/api/chat.postMessage" && r.Body.Contains($"\"channel\":\"{Curator}\"") && r.Body.Contains("Saved"));
        Assert.Contains("history is kept", told.Body);
        var here = await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync();
        Assert.Contains(edited, here);
        Assert.DoesNotContain(Definition, here);
        var history = await Store.WorkspaceTerms.HistoryAsync(new WorkspaceKey(Platform.Slack, Team), slug);
        Assert.Equal([TermChange.Approved, TermChange.Edited], history.Select(h => h.Change));
        Assert.Equal(Definition, history[0].Term.Draft.Definition);
        Assert.Equal(edited, history[^1].Term.Draft.Definition);
        Assert.Equal(Curator, history[^1].ChangedBy);
    }

    [Fact]
    public async Task An_edit_of_a_workspace_term_with_bad_fields_is_answered_inline_and_changes_nothing()
    {
        using var client = _host.CreateSlackClient();
        var slug = await ApprovedTermAsync(client);

        var response = await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", "Too short.", metadata: "\n\n" + slug, user: Curator)));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal(["definition"], body["errors"]!.AsObject().Select(e => e.Key));
        Assert.Single(await Store.WorkspaceTerms.HistoryAsync(new WorkspaceKey(Platform.Slack, Team), slug));
    }

    [Fact]
    public async Task The_Edit_button_on_a_workspace_term_is_refused_to_someone_not_a_curator_with_one_log_line()
    {
        using var client = _host.CreateSlackClient();
        var slug = await ApprovedTermAsync(client);
        var card = await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync();
        Assert.Contains($"\"action_id\":\"{ActionIds.EditTerm}\"", card);
        var logged = _host.Logs.Lines.Count;

        await client.PostAsync("/slack/interactions", Payload(Click(ActionIds.EditTerm, slug, Suggester)));

        var note = await WaitForAsync(r => r.Path.StartsWith("/hooks/click-", StringComparison.Ordinal) && r.Body.Contains("Only curators"));
        Assert.Equal("ephemeral", (string?)JsonNode.Parse(note.Body)!["response_type"]);
        Assert.False((bool?)JsonNode.Parse(note.Body)!["replace_original"]);
        await _host.DrainWorkAsync();
        Assert.DoesNotContain(_host.Slack.Requests, r => r.Path == "/api/views.open");
        Assert.Single(_host.Logs.Lines.Skip(logged), l => l.Contains("[8003]") && l.Contains("edit term") && l.Contains("not a curator"));
    }

    [Fact]
    public async Task A_forged_edit_submission_from_someone_not_a_curator_changes_nothing_and_a_corpus_term_cannot_be_edited()
    {
        using var client = _host.CreateSlackClient();
        var slug = await ApprovedTermAsync(client);

        await client.PostAsync("/slack/interactions", Payload(Submission("Blue team drill", "Someone who is not a curator rewrites the definition of this term.",
            metadata: "\n\n" + slug)));
        var corpus = await (await CommandAsync(client, "edit rlhf", user: Curator)).Content.ReadAsStringAsync();
        var missing = await (await CommandAsync(client, "edit flibbertigibbet", user: Curator)).Content.ReadAsStringAsync();
        await _host.DrainWorkAsync();

        Assert.Contains("cannot be changed from chat", corpus);
        Assert.Contains("no term “flibbertigibbet”", missing);
        Assert.DoesNotContain(_host.Slack.Requests, r => r.Path == "/api/views.open");
        Assert.Single(_host.Logs.Lines, l => l.Contains("[8003]") && l.Contains("edit term"));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("rewrites the definition"));
        Assert.Single(await Store.WorkspaceTerms.HistoryAsync(new WorkspaceKey(Platform.Slack, Team), slug));
        Assert.Contains(Definition, await (await CommandAsync(client, "define blue team drill")).Content.ReadAsStringAsync());
    }
}
