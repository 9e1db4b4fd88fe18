using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Every kind of card the bot can produce, from real replies, within Slack's limits. Each card is also written to
/// artifacts/cards/slack for .ci/run to check with Slack's own types (tools/cardcheck/check-blockkit).
/// </summary>
public sealed class SlackRendererTests
{
    private static readonly TermGlossary Glossary = TermGlossary.FromDirectory(RepoPaths.Corpus);
    private static readonly Bot Bot = new(Glossary, new Random(1));
    private static readonly SlackRenderer Renderer = new("https://alignbot.example.org");

    public static TheoryData<string, string> Requests => new()
    {
        { "term_private", "define sycophancy" },
        { "term_corrected", "what is sychophancy" },
        { "comparison", "inner alignment vs outer alignment" },
        { "search", "search reward" },
        { "related", "related rlhf" },
        { "comparison_three", "rlhf vs dpo vs rlaif" },
        { "greeting", "hi there" },
        { "plausible_card", "red teeming an llm what does it involve" },
        { "not_found", "best pizza in town" },
        { "did_you_mean", "reward hacking pizza oven" },
        { "help", "help" },
        { "hostile_not_found", "<!channel> @here & <http://evil.example|click> *bold* " + new string('x', 400) },
        { "hostile_search", "search <!here> & <@U123> " + new string('y', 300) },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Render_every_reply_kind_within_slack_limits(string name, string text)
    {
        var reply = Bot.AnswerFromGlossary(ChatRequest.Local(text, Platform.Slack));

        foreach (var (variant, message) in new[] { ("private", Renderer.Private(reply)), ("public", Renderer.Public(reply)),
                     ("expanded", Renderer.Render(reply, new SlackCard(Expanded: true, SharedBy: "U123"))) })
        {
            AssertWithinLimits(message);
            CardArtifacts.Write("slack", $"{name}_{variant}", SlackJson.Serialize(message));
        }
    }

    [Fact]
    public void Render_every_term_expanded_within_limits()
    {
        foreach (var term in Glossary.Terms)
        {
            var message = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local("", Platform.Slack) with { Action = new ChatAction(ActionIds.ShowTerm, term.Slug) }),
                new SlackCard(Shareable: true, Expanded: true));
            AssertWithinLimits(message);
        }
    }

    [Fact]
    public void Term_card_has_header_summary_sources_related_buttons_and_share()
    {
        var message = Renderer.Private(Bot.AnswerFromGlossary(ChatRequest.Local("define sycophancy", Platform.Slack)));
        var blocks = message["blocks"]!.AsArray();
        var json = SlackJson.Serialize(message);

        Assert.Equal("Sycophancy", blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("what they want to hear", blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("<https://arxiv.org/abs/2310.13548|", json);
        var related = blocks.Single(b => (string?)b!["block_id"] == "related")!["elements"]!.AsArray();
        Assert.Contains(related, e => (string?)e!["value"] == "rlhf" && ((string?)e["action_id"])!.StartsWith(ActionIds.ShowTerm));
        var controls = blocks.Single(b => (string?)b!["block_id"] == "card")!["elements"]!.AsArray();
        Assert.Contains(controls, e => (string?)e!["action_id"] == SlackActions.Share && (string?)e["value"] == "term:sycophancy");
        Assert.Contains(controls, e => (string?)e!["url"] == "https://alignbot.example.org/terms/sycophancy");
        Assert.StartsWith("Sycophancy: ", (string?)message["text"]);
    }

    [Fact]
    public void Term_card_footer_says_when_the_entry_was_reviewed()
    {
        var label = Provenance.ReviewedLabel(Glossary.Find("sycophancy")!);
        var message = Renderer.Private(Bot.AnswerFromGlossary(ChatRequest.Local("define sycophancy", Platform.Slack)));

        Assert.NotNull(label);
        Assert.Matches(@"^Reviewed [A-Z][a-z]+ \d{4}$", label);
        Assert.Contains(" · " + label + " · Sources: ", SlackJson.Serialize(message));
    }

    [Fact]
    public void Term_with_senses_lists_them_under_the_summary_with_a_source_each()
    {
        var message = Renderer.Private(Bot.AnswerFromGlossary(ChatRequest.Local("define corrigibility", Platform.Slack)));
        var senses = message["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"]).Single(t => t?.StartsWith("*Senses*") == true)!;

        Assert.Contains("• *Shutdown corrigibility (MIRI)*: ", senses);
        Assert.Contains("<https://intelligence.org/files/Corrigibility.pdf|source>", senses);
    }

    [Fact]
    public void Public_card_has_no_share_button()
    {
        var json = Renderer.Public(Bot.AnswerFromGlossary(ChatRequest.Local("define sycophancy", Platform.Slack))).ToJsonString();

        Assert.DoesNotContain(SlackActions.Share, json);
    }

    [Fact]
    public void User_text_is_escaped_everywhere_it_is_echoed()
    {
        // Mentions are cleared before understanding (ChatText); what is left of the user's words is still escaped.
        var message = Renderer.Private(Bot.AnswerFromGlossary(ChatRequest.Local("<!channel> & <@U1> @here <zzqx>", Platform.Slack)));
        // A button's value is data Slack hands back on a click (Suggest this term carries the words), never shown or parsed.
        foreach (var button in Buttons(message).ToList())
            button.Remove("value");
        var json = SlackJson.Serialize(message);

        Assert.DoesNotContain("<!channel>", json);
        Assert.DoesNotContain("<@U1>", json);
        Assert.DoesNotContain("@here", json);
        Assert.Contains("&lt;zzqx&gt;", (string?)message["text"]);
    }

    [Fact]
    public void A_workspace_term_card_says_who_added_it_escapes_every_field_and_links_no_public_page()
    {
        var origin = new WorkspaceTerm(new WorkspaceKey(Platform.Slack, "T1"), "hostile-term",
            new TermDraft("<!channel> *Ops* term", ["<@U999>"], "Ping <!here> & <https://evil.example|click> ~all~ of them, `now` > later.",
                "https://example.org/ops", ["rlhf"]), "U-ALICE", "UBOB>", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var reply = new Reply.TermCard(WorkspaceGlossary.AsTerm(origin), [new TermRef("rlhf", "RLHF", "…")], Origin: origin);

        var message = Renderer.Private(reply);
        var json = SlackJson.Serialize(message);

        AssertWithinLimits(message);
        CardArtifacts.Write("slack", "workspace_term_private", json);
        var mrkdwn = string.Join('\n', Mrkdwn(message));   // plain_text fields (the header) are shown as written, never parsed
        Assert.Contains("Workspace term · suggested by <@UALICE>, approved by <@UBOB> on 24 Nov 2026", mrkdwn);
        Assert.DoesNotContain("<!channel>", mrkdwn);
        Assert.DoesNotContain("<!here>", mrkdwn);
        Assert.DoesNotContain("<@U999>", mrkdwn);
        Assert.DoesNotContain("<https://evil.example", mrkdwn);
        Assert.DoesNotContain("/terms/hostile-term", json);
        Assert.DoesNotContain("Read more", json);
    }

    [Fact]
    public void The_suggestion_prompt_and_the_digest_escape_what_people_typed()
    {
        var prompt = Renderer.Public(new Reply.SuggestForm(new TermDraft("<!channel> drill", [], "", null, [])));
        var digest = Renderer.Public(new Reply.Digest([new UnansweredQuestion("what is <!here> & <https://evil.example|x>", 3, DateTimeOffset.UnixEpoch)],
            [(new TermRef("rlhf", "RLHF", "…"), new TermRating("rlhf", 1, 4))]));

        foreach (var (name, message) in new[] { ("suggest_prompt", prompt), ("digest_hostile", digest) })
        {
            AssertWithinLimits(message);
            CardArtifacts.Write("slack", name, SlackJson.Serialize(message));
            var mrkdwn = string.Join('\n', Mrkdwn(message));
            Assert.DoesNotContain("<!channel>", mrkdwn);
            Assert.DoesNotContain("<!here>", mrkdwn);
            Assert.DoesNotContain("<https://evil.example", mrkdwn);
        }
        Assert.Contains(ActionIds.Suggest, SlackJson.Serialize(prompt));
        Assert.Contains("asked 3 times", SlackJson.Serialize(digest));
    }

    private static IEnumerable<JsonObject> Buttons(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "button" => [o],
        JsonObject o => [.. o.SelectMany(p => Buttons(p.Value))],
        JsonArray a => [.. a.SelectMany(Buttons)],
        _ => [],
    };

    /// <summary>The message's fallback text and every mrkdwn text object: what Slack parses for links and mentions.</summary>
    private static IEnumerable<string> Mrkdwn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when (string?)o["type"] == "mrkdwn" || o["blocks"] is not null:
                yield return (string?)o["text"] ?? "";
                foreach (var inner in o.Where(p => p.Key != "text").SelectMany(p => Mrkdwn(p.Value)))
                    yield return inner;
                break;
            case JsonObject o:
                foreach (var inner in o.SelectMany(p => Mrkdwn(p.Value)))
                    yield return inner;
                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(Mrkdwn))
                    yield return inner;
                break;
        }
    }

    private static void AssertWithinLimits(JsonObject message) => BlockKitLimits.Check(message);

    [Fact]
    public void A_submission_refused_after_the_form_was_checked_turns_the_modal_into_the_refusal_naming_people_by_mention()
    {
        var refused = new CurationChange.Refused(new Reply.Notice($"{Reply.Notice.UserSlot} already decided “Blue team drill”.", new ChatUser("U0CURATOR")));

        var update = SlackModal.Outcome(refused, "Blue team drill");

        Assert.Equal("update", (string?)update["response_action"]);
        Assert.Equal("Not saved", (string?)update["view"]!["title"]!["text"]);
        Assert.Equal("<@U0CURATOR> already decided “Blue team drill”.", (string?)update["view"]!["blocks"]![0]!["text"]!["text"]);
        CardArtifacts.Write("slack", "modal_not_saved", update["view"]!.ToJsonString());
    }
}
