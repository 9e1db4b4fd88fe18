using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Teams.Tests;

/// <summary>
/// The living glossary end to end on Teams, through <c>/api/messages</c> and the loopback connector: the suggestion form
/// is an Adaptive Card with inputs, its Submit is checked (errors shown on the form again), stored and posted to the
/// review channel; Approve decides once and the term answers in its tenant and no other; non-curators are refused.
/// </summary>
public sealed class TeamsLivingGlossaryTests : IAsyncLifetime
{
    private const string Curator = "29:curator-0001";
    private const string Tenant = "9c1e4b7a-2f3d-4c68-a5e9-7d0b3f6a1c24";
    private const string ReviewChannel = "19:4b8e2d7a1c6f4a9e8d3b5c0f7a2e6d19@thread.tacv2";
    private const string Definition = "Our quarterly exercise where the safety team tries to break the release pipeline.";
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync(OutageStore.Install, ("Teams:Curators:0", Curator));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SqlDatabase Store => _host.Services.GetRequiredService<SqlDatabase>();

    /// <summary>The host's store behind a switch (the real one while it is up).</summary>
    private OutageStore Outage => _host.Services.GetRequiredService<OutageStore>();

    private JsonNode Message(string text, string? from = null, string tenant = Tenant)
    {
        var activity = _host.Activity("message_channel_mention.json");
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["text"] = "<at>AlignBot</at> " + text;
        if (from is not null)
            activity["from"]!["id"] = from;
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }

    private JsonNode Click(JsonObject value, string? from = null)
    {
        var activity = Message("", from);
        activity["text"] = "";
        activity["value"] = value;
        return activity;
    }

    private static JsonNode CardOf(RecordedRequest sent) => JsonNode.Parse(sent.Body)!["attachments"]![0]!["content"]!;

    private async Task<RecordedRequest> SentAsync(Func<RecordedRequest, bool> match)
    {
        for (var seen = 1; seen < 100; seen++)
        {
            var sent = await _host.Framework.WaitForAsync(seen, TimeSpan.FromSeconds(10));
            if (sent.FirstOrDefault(match) is { } found)
                return found;
            if (sent.Count < seen)
                break;
        }
        throw new Xunit.Sdk.XunitException("The connector was not sent the expected activity.");
    }

    private static JsonObject Form(string name, string definition, string source = "https://example.org/drill", string? suggestion = null)
    {
        var value = new JsonObject
        {
            ["alignbot"] = "submit_suggestion", ["name"] = name, ["aliases"] = "BTD", ["definition"] = definition, ["source"] = source, ["related"] = "red-teaming",
        };
        if (suggestion is not null)
            value["suggestion"] = suggestion;
        return value;
    }

    [Fact]
    public async Task An_activity_without_a_tenant_has_no_living_glossary_to_change()
    {
        await _host.SendAsync(Message("review here", Curator, tenant: ""));

        var reply = await SentAsync(r => r.Body.Contains("works in a Slack workspace, a Teams tenant"));
        Assert.DoesNotContain("posted here for review", reply.Body);
    }

    /// <summary>Makes the channel the review channel, submits a valid suggestion, and returns its id from the review card.</summary>
    private async Task<string> SuggestAsync()
    {
        await _host.SendAsync(Message("review here", Curator));
        await SentAsync(r => r.Body.Contains("posted here for review"));
        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(Click(Form("Blue team drill", Definition)))).StatusCode);
        var review = await SentAsync(r => r.Body.Contains("\"approve\""));
        Assert.StartsWith($"/teams/v3/conversations/{Uri.EscapeDataString(ReviewChannel)}/activities", review.Path);
        CardArtifacts.Write("teams", "review_pending", review.Body);
        return (string)CardOf(review)["actions"]!.AsArray().First()!["data"]!["value"]!;
    }

    [Fact]
    public async Task A_form_the_store_cannot_save_comes_back_filled_in_as_typed_with_the_error()
    {
        Outage.Down = true;

        await _host.SendAsync(Click(Form("Blue team drill", Definition)));

        var sent = await SentAsync(r => r.Body.Contains("Input.Text"));
        var body = CardOf(sent)["body"]!.AsArray();
        Assert.Contains(body, b => ((string?)b!["text"])?.Contains("could not be saved right now, try again in a minute") == true);
        Assert.Contains(body, b => (string?)b!["id"] == "name" && (string?)b["value"] == "Blue team drill");
        Assert.Contains(body, b => (string?)b!["id"] == "aliases" && (string?)b["value"] == "BTD");
        Assert.Contains(body, b => (string?)b!["id"] == "definition" && (string?)b["value"] == Definition);
        Assert.Contains(body, b => (string?)b!["id"] == "source" && (string?)b["value"] == "https://example.org/drill");
        Assert.Contains(body, b => (string?)b!["id"] == "related" && (string?)b["value"] == "red-teaming");
        Outage.Down = false;
        Assert.Empty(await Store.Suggestions.PendingAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant)));
        CardArtifacts.Write("teams", "form_not_saved", sent.Body);
    }

    [Fact]
    public async Task A_suggestion_stored_just_before_the_store_goes_away_is_said_to_be_saved_and_waiting_for_review()
    {
        Outage.GoDownAfter(nameof(ISuggestionStore.TryAddAsync));

        await _host.SendAsync(Click(Form("Blue team drill", Definition)));

        var told = await SentAsync(r => r.Body.Contains("Blue team drill"));
        Assert.Contains("is saved", told.Body);
        Assert.Contains("review here", told.Body);
        Assert.DoesNotContain("could not be saved", told.Body);
        await _host.DrainWorkAsync();
        Assert.Single(_host.Logs.Lines, l => l.Contains("[8010]"));
        Outage.Down = false;
        Assert.Equal(Definition, Assert.Single(await Store.Suggestions.PendingAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant))).Draft.Definition);
    }

    [Fact]
    public async Task Suggest_sends_an_adaptive_card_form_with_the_term_prefilled()
    {
        await _host.SendAsync(Message("suggest Blue team drill"));

        var sent = await SentAsync(r => r.Body.Contains("Input.Text"));
        var card = CardOf(sent);
        Assert.Contains(card["body"]!.AsArray(), b => (string?)b!["id"] == "name" && (string?)b["value"] == "Blue team drill");
        Assert.Equal("submit_suggestion", (string?)card["actions"]![0]!["data"]!["alignbot"]);
        CardArtifacts.Write("teams", "form_suggest", sent.Body);
    }

    [Fact]
    public async Task A_form_with_bad_fields_comes_back_with_what_to_fix_and_nothing_is_stored()
    {
        await _host.SendAsync(Click(Form("", "Too short.", "http://example.org/plain")));

        var sent = await SentAsync(r => r.Body.Contains("Input.Text"));
        var text = sent.Body;
        Assert.Contains("at least 30 characters", text);
        Assert.Contains("https://", text);
        Assert.Contains("letter or digit", text);
        Assert.Contains(CardOf(sent)["body"]!.AsArray(), b => (string?)b!["id"] == "aliases" && (string?)b["value"] == "BTD");   // what was typed is kept
        Assert.Empty(await Store.Suggestions.PendingAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant)));
        CardArtifacts.Write("teams", "form_errors", sent.Body);
    }

    [Fact]
    public async Task Suggest_review_approve_and_the_term_answers_in_its_tenant_and_no_other()
    {
        var id = await SuggestAsync();

        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "approve", ["value"] = id }, Curator));

        var decided = await SentAsync(r => r.Body.Contains("Approved by"));
        Assert.DoesNotContain("\"approve\"", decided.Body);
        CardArtifacts.Write("teams", "review_approved", decided.Body);
        var opened = await SentAsync(r => r.Path == "/teams/v3/conversations" && r.Body.Contains("29:1Jt5Wc2Xn8Rb4Lq0Zy7Vm3Kd6Hp9Gs1Fa-EuTo2Ni5Qr8Bl4Cz_Mw7Yx3Dk6Pj"));
        Assert.Contains(Tenant, opened.Body);
        await SentAsync(r => r.Body.Contains("was approved by"));

        await _host.SendAsync(Message("define blue team drill"));
        var here = await SentAsync(r => r.Body.Contains(Definition) && r.Body.Contains("Workspace term"));
        await _host.SendAsync(Message("define blue team drill", tenant: "other-tenant-0001"));
        await _host.DrainWorkAsync();
        var last = _host.Framework.Sent[^1];
        Assert.DoesNotContain(Definition, last.Body);
        Assert.Contains("No definition found", last.Body);
        CardArtifacts.Write("teams", "e2e_workspace_term", here.Body);
    }

    [Fact]
    public async Task A_click_from_someone_not_a_curator_is_refused_with_one_log_line()
    {
        var id = await SuggestAsync();

        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "reject", ["value"] = id }));

        await SentAsync(r => r.Body.Contains("Only curators"));
        await _host.DrainWorkAsync();
        Assert.True(_host.Logs.Lines.Count(l => l.Contains("[8003]")) == 1, string.Join('\n', _host.Logs.Lines.Where(l => l.Contains("[8003]"))));
        Assert.Equal(SuggestionState.Pending, (await Store.Suggestions.FindAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant), id))!.State);
    }

    [Fact]
    public async Task Two_curators_at_once_give_exactly_one_outcome()
    {
        var id = await SuggestAsync();

        await Task.WhenAll(
            _host.SendAsync(Click(new JsonObject { ["alignbot"] = "approve", ["value"] = id }, Curator)),
            _host.SendAsync(Click(new JsonObject { ["alignbot"] = "reject", ["value"] = id }, Curator)));
        await _host.DrainWorkAsync();

        Assert.Single(_host.Framework.Sent, r => r.Body.Contains("Approved by") || r.Body.Contains("Rejected by"));
        Assert.Single(_host.Framework.Sent, r => r.Body.Contains("already been decided"));
    }

    [Fact]
    public async Task Reject_and_edit_decide_once_and_a_forged_or_replayed_click_is_refused_with_one_log_line()
    {
        var rejected = await SuggestAsync();
        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "reject", ["value"] = rejected }, Curator));
        await SentAsync(r => r.Body.Contains("Rejected by"));
        await _host.SendAsync(Click(Form("Purple team", Definition)));
        var edited = (string)CardOf(await SentAsync(r => r.Body.Contains("\"approve\"") && r.Body.Contains("Purple team")))["actions"]!.AsArray().First()!["data"]!["value"]!;

        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "edit", ["value"] = edited }, Curator));
        var form = CardOf(await SentAsync(r => r.Body.Contains("Edit the suggestion")));
        Assert.Equal(edited, (string?)form["actions"]![0]!["data"]!["suggestion"]);
        const string better = "Red and blue teams working side by side, sharing what each finds while the exercise runs.";
        await _host.SendAsync(Click(Form("Purple team", better, suggestion: edited), Curator));
        await SentAsync(r => r.Body.Contains("Approved by") && r.Body.Contains(better.Replace(",", "", StringComparison.Ordinal)[..20]));
        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "approve", ["value"] = rejected }, Curator));                   // replayed
        var forged = Click(new JsonObject { ["alignbot"] = "approve", ["value"] = edited }, Curator);
        forged["conversation"]!["tenantId"] = "other-tenant-0001";
        forged["channelData"]!["tenant"]!["id"] = "other-tenant-0001";
        await _host.SendAsync(forged);                                                                                                // another tenant
        await _host.SendAsync(Message("define purple team"));
        await SentAsync(r => r.Body.Contains(better[..30]) && r.Body.Contains("Workspace term"));
        await _host.DrainWorkAsync();

        var refusals = _host.Logs.Lines.Where(l => l.Contains("[8003]")).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, l => l.Contains("already decided"));
        Assert.Contains(refusals, l => l.Contains("no such suggestion in this workspace"));
        Assert.Equal(SuggestionState.Rejected, (await Store.Suggestions.FindAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant), rejected))!.State);
    }

    [Fact]
    public async Task The_search_extension_offers_an_approved_term_in_its_tenant_only()
    {
        var id = await SuggestAsync();
        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "approve", ["value"] = id }, Curator));
        await SentAsync(r => r.Body.Contains("Approved by"));

        async Task<string> QueryAsync(string tenant)
        {
            var query = _host.Activity("composeExtension_query.json");
            query["value"]!["parameters"]![0]!["value"] = "blue team";
            query["conversation"]!["tenantId"] = tenant;
            return await (await _host.SendAsync(query)).Content.ReadAsStringAsync();
        }

        var here = await QueryAsync(Tenant);
        var elsewhere = await QueryAsync("other-tenant-0001");

        Assert.Contains("Blue team drill", here);
        Assert.Contains("Workspace term", here);
        Assert.DoesNotContain("Blue team drill", elsewhere);
    }

    [Fact]
    public async Task The_search_extension_offers_a_tenant_term_approved_on_another_replica_before_this_one_has_loaded_the_tenant()
    {
        var tenant = new WorkspaceKey(Chat.Platform.Teams, Tenant);
        var approved = DateTimeOffset.UtcNow;
        await Store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(tenant, "blue-team-drill",
            new TermDraft("Blue team drill", [], Definition, "https://example.org/drill", []), "29:someone", Curator, approved),
            TermChange.Approved, Curator, approved);
        var query = _host.Activity("composeExtension_query.json");
        query["value"]!["parameters"]![0]!["value"] = "blue team";
        query["conversation"]!["tenantId"] = Tenant;
        var select = _host.Activity("alignbot_composeExtension_initialRun.json");
        select["name"] = "composeExtension/selectItem";
        select["value"] = new JsonObject { ["slug"] = "blue-team-drill" };

        var found = await (await _host.SendAsync(query)).Content.ReadAsStringAsync();
        var chosen = await (await _host.SendAsync(select)).Content.ReadAsStringAsync();

        Assert.Contains("Blue team drill", found);
        Assert.Contains("Blue team drill", chosen);
        Assert.Contains("Workspace term", chosen);
    }

    [Fact]
    public async Task Without_a_review_channel_each_curator_gets_the_review_card_in_a_one_to_one_chat()
    {
        const string added = "29:curator-0002";
        await Store.Curators.AddAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant), added, Curator, DateTimeOffset.UtcNow);

        await _host.SendAsync(Click(Form("Blue team drill", Definition)));

        var told = await SentAsync(r => r.Body.Contains("is with the curators"));
        var opened = _host.Framework.Sent.Where(r => r.Path == "/teams/v3/conversations").ToList();
        Assert.Equal(2, opened.Count);
        Assert.Contains(opened, r => r.Body.Contains($"\"id\":\"{Curator}\"") && r.Body.Contains(Tenant));
        Assert.Contains(opened, r => r.Body.Contains($"\"id\":\"{added}\"") && r.Body.Contains(Tenant));
        var reviews = _host.Framework.Sent.Where(r => r.Body.Contains("\"approve\"")).ToList();
        Assert.Equal(2, reviews.Count);
        Assert.All(reviews, r => Assert.StartsWith("/teams/v3/conversations/reply-", r.Path));
        Assert.DoesNotContain(reviews, r => r.Path.Contains(Uri.EscapeDataString(ReviewChannel)));
        Assert.DoesNotContain("review here", told.Body);
        var id = (string)CardOf(reviews[0])["actions"]!.AsArray().First()!["data"]!["value"]!;

        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "approve", ["value"] = id }, Curator));

        await SentAsync(r => r.Body.Contains("Approved by"));
        await SentAsync(r => r.Body.Contains("was approved by"));   // the suggester, in a one-to-one chat, still without a review channel
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("[3013]"));
    }

    [Fact]
    public async Task When_no_curator_can_be_messaged_the_suggestion_is_kept_and_the_suggester_told_to_ask_for_a_review_channel()
    {
        _host.Framework.Script(403, """{"error":{"code":"BotNotInConversationRoster"}}""");   // the one curator has not installed the app

        await _host.SendAsync(Click(Form("Blue team drill", Definition)));

        var reply = await SentAsync(r => r.Body.Contains("no curator can be reached yet"));
        await _host.DrainWorkAsync();
        Assert.Contains("review here", reply.Body);
        Assert.Single(_host.Logs.Lines, l => l.Contains("[3014]") && l.Contains(Curator));
        Assert.Single(_host.Logs.Lines, l => l.Contains("[3013]"));
        Assert.Single(await Store.Suggestions.PendingAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant)));
    }

    [Fact]
    public async Task When_the_review_channel_cannot_be_posted_to_each_curator_gets_the_review_directly()
    {
        await _host.SendAsync(Message("review here", Curator));
        await SentAsync(r => r.Body.Contains("posted here for review"));
        _host.Framework.Script(404, """{"error":{"code":"ConversationNotFound"}}""");   // the review channel's post

        await _host.SendAsync(Click(Form("Blue team drill", Definition)));

        var told = await SentAsync(r => r.Body.Contains("is with the curators"));
        Assert.DoesNotContain("no curator", told.Body);
        Assert.Contains(_host.Framework.Sent, r => r.Path == "/teams/v3/conversations" && r.Body.Contains($"\"id\":\"{Curator}\""));
        Assert.Contains(_host.Framework.Sent, r => r.Path.StartsWith("/teams/v3/conversations/reply-", StringComparison.Ordinal) && r.Body.Contains("\"approve\""));
        await _host.DrainWorkAsync();
        Assert.Single(_host.Logs.Lines, l => l.Contains("[3015]") && l.Contains(Tenant));
        Assert.Single(await Store.Suggestions.PendingAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant)));
    }

    [Fact]
    public async Task Curators_are_listed_by_id_when_their_names_are_not_known()
    {
        await Store.Curators.AddAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant), "29:curator-0002", Curator, DateTimeOffset.UtcNow);

        await _host.SendAsync(Message("curators"));

        var listed = await SentAsync(r => r.Body.Contains("curate this glossary"));
        var text = (string)CardOf(listed)["body"]![0]!["text"]!;
        Assert.Contains(Curator, text);
        Assert.Contains("29:curator-0002", text);
        Assert.DoesNotContain("someone", listed.Body);
    }

    [Fact]
    public async Task The_edit_form_is_prefilled_with_the_text_as_typed_and_resubmitting_it_changes_nothing()
    {
        const string typed = "Significant when p < 0.05 & the ${drill.count} runs agree, as <b>our</b> quarterly review asks.";
        await _host.SendAsync(Message("review here", Curator));
        await SentAsync(r => r.Body.Contains("posted here for review"));
        await _host.SendAsync(Click(Form("Blue team drill", typed)));
        var id = (string)CardOf(await SentAsync(r => r.Body.Contains("\"approve\"")))["actions"]!.AsArray().First()!["data"]!["value"]!;

        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "edit", ["value"] = id }, Curator));
        var form = CardOf(await SentAsync(r => r.Body.Contains("Edit the suggestion")));
        var values = form["body"]!.AsArray().Where(b => (string?)b!["type"] == "Input.Text").ToDictionary(b => (string)b!["id"]!, b => (string?)b!["value"]);
        Assert.Equal(typed.Replace("${", "$\u2060{", StringComparison.Ordinal), values["definition"]);   // no expression can run in the card
        var resubmitted = new JsonObject { ["alignbot"] = "submit_suggestion", ["suggestion"] = id };
        foreach (var (input, value) in values)
            resubmitted[input] = value;
        await _host.SendAsync(Click(resubmitted, Curator));
        await SentAsync(r => r.Body.Contains("Approved by"));

        var term = Assert.Single(await Store.WorkspaceTerms.ListAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant)));
        Assert.Equal(typed, term.Draft.Definition);
    }

    /// <summary>Suggests and approves "Blue team drill" in the review channel; its slug.</summary>
    private async Task<string> ApprovedTermAsync()
    {
        var id = await SuggestAsync();
        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "approve", ["value"] = id }, Curator));
        await SentAsync(r => r.Body.Contains("Approved by"));
        return "blue-team-drill";
    }

    [Fact]
    public async Task A_curator_edits_a_workspace_term_in_the_form_and_it_answers_with_the_new_text_keeping_its_history()
    {
        var slug = await ApprovedTermAsync();
        await _host.SendAsync(Message("define blue team drill"));
        var card = CardOf(await SentAsync(r => r.Body.Contains(Definition) && r.Body.Contains("Workspace term")));
        Assert.Contains(card["actions"]!.AsArray(), a => (string?)a!["data"]?["alignbot"] == "edit_term" && (string?)a["data"]!["value"] == slug);

        await _host.SendAsync(Message("edit Blue team drill", Curator));
        var sent = await SentAsync(r => r.Body.Contains("Edit the workspace term"));
        var form = CardOf(sent);
        Assert.Contains(form["body"]!.AsArray(), b => (string?)b!["id"] == "definition" && (string?)b["value"] == Definition);
        Assert.Contains(form["body"]!.AsArray(), b => (string?)b!["id"] == "aliases" && (string?)b["value"] == "BTD");
        Assert.Equal(slug, (string?)form["actions"]![0]!["data"]!["term"]);
        CardArtifacts.Write("teams", "form_edit_term", sent.Body);
        const string edited = "The exercise each quarter in which the safety team attacks our release pipeline on purpose.";
        var submit = Form("Blue team drill", edited);
        submit["term"] = slug;
        await _host.SendAsync(Click(submit, Curator));

        await SentAsync(r => r.Body.Contains("Saved") && r.Body.Contains("history is kept"));
        await _host.SendAsync(Message("define blue team drill"));
        await SentAsync(r => r.Body.Contains(edited[..40]) && r.Body.Contains("Workspace term"));
        var history = await Store.WorkspaceTerms.HistoryAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant), slug);
        Assert.Equal([TermChange.Approved, TermChange.Edited], history.Select(h => h.Change));
        Assert.Equal(Definition, history[0].Term.Draft.Definition);
        Assert.Equal(Curator, history[^1].ChangedBy);
    }

    [Fact]
    public async Task Edit_on_a_workspace_term_by_someone_not_a_curator_is_refused_with_one_log_line_and_a_corpus_term_cannot_be_edited()
    {
        var slug = await ApprovedTermAsync();

        await _host.SendAsync(Click(new JsonObject { ["alignbot"] = "edit_term", ["value"] = slug }));
        var refused = await SentAsync(r => r.Body.Contains("Only curators can edit terms"));
        var forged = Form("Blue team drill", "Someone who is not a curator rewrites the definition of this term.");
        forged["term"] = slug;
        await _host.SendAsync(Click(forged));
        await _host.SendAsync(Message("edit rlhf", Curator));
        var corpus = await SentAsync(r => r.Body.Contains("cannot be changed from chat"));
        await _host.DrainWorkAsync();

        Assert.DoesNotContain("Input.Text", refused.Body);
        Assert.Equal(2, _host.Logs.Lines.Count(l => l.Contains("[8003]") && l.Contains("edit term") && l.Contains("not a curator")));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("rewrites the definition"));
        Assert.DoesNotContain("Input.Text", corpus.Body);
        Assert.Equal([TermChange.Approved],
            (await Store.WorkspaceTerms.HistoryAsync(new WorkspaceKey(Chat.Platform.Teams, Tenant), slug)).Select(h => h.Change));
    }
}
