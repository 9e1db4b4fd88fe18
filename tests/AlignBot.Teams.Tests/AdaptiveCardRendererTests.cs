using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Teams.Tests;

/// <summary>
/// Every kind of card the bot can produce, from real replies. Each is also written to artifacts/cards/teams, where
/// .ci/run checks them with Microsoft's adaptivecards library (tools/cardcheck/check-adaptivecard).
/// </summary>
public sealed class AdaptiveCardRendererTests
{
    private static readonly TermGlossary Glossary = TermGlossary.FromDirectory(RepoPaths.Corpus);
    private static readonly Bot Bot = new(Glossary, new Random(1));
    private static readonly AdaptiveCardRenderer Renderer = new("https://alignbot.example.org");

    public static TheoryData<string, string> Requests => new()
    {
        { "term", "define sycophancy" },
        { "term_corrected", "what is sychophancy" },
        { "comparison", "rlhf vs dpo" },
        { "search", "search reward" },
        { "related", "related rlhf" },
        { "comparison_three", "rlhf vs dpo vs rlaif" },
        { "greeting", "hi there" },
        { "plausible_card", "red teeming an llm what does it involve" },
        { "not_found", "best pizza in town" },
        { "did_you_mean", "reward hacking pizza oven" },
        { "help", "help" },
        { "hostile", "[click me](https://evil.example) **bold** <at>someone</at> # heading " + new string('x', 300) },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Render_every_reply_kind_as_a_version_1_5_card_under_28_kb(string name, string text)
    {
        var card = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local(text, Platform.Teams)));

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < 28 * 1024);
        CardArtifacts.Write("teams", "card_" + name, new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray(AdaptiveCardRenderer.Attachment(card)) }.ToJsonString());
    }

    [Fact]
    public void Every_term_card_stays_under_the_message_extension_limit()
    {
        foreach (var term in Glossary.Terms)
        {
            var card = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local("", Platform.Teams) with { Action = new ChatAction(ActionIds.ShowTerm, term.Slug) }));
            Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < 28 * 1024, term.Slug);
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_button_and_select_action_submits_plain_data_the_router_reads(string name, string text)
    {
        var card = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local(text, Platform.Teams)));

        var submits = card.Descendants().Where(n => (string?)n["type"] == "Action.Submit").ToList();
        Assert.All(submits, submit =>
        {
            var data = submit["data"]!.AsObject();
            if ((string?)data["alignbot"] is { } living && TeamsActions.Living.ContainsKey(living))
            {
                Assert.Equal(["alignbot", "value"], data.Select(p => p.Key));   // Helpful, Not helpful, Suggest this term: one value each
                Assert.False(string.IsNullOrEmpty((string?)data["value"]));
                return;
            }
            Assert.Equal(["alignbot", "slug"], data.Select(p => p.Key));   // no msteams part: the Agents Playground cannot click those
            Assert.Equal("show_term", (string?)data["alignbot"]);
            Assert.NotNull(Glossary.Find((string)data["slug"]!));
        });
        if (name is "search" or "term" or "related" or "did_you_mean" or "help" or "comparison")
            Assert.NotEmpty(submits);
    }

    [Fact]
    public void Term_card_reads_more_in_a_show_card_and_links_the_glossary_page()
    {
        var card = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local("define sycophancy", Platform.Teams)));
        var actions = card["actions"]!.AsArray();

        var showCard = Assert.Single(actions, a => (string?)a!["type"] == "Action.ShowCard")!;
        Assert.Contains("17 × 24", showCard["card"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains(actions, a => (string?)a!["url"] == "https://alignbot.example.org/terms/sycophancy");
    }

    [Fact]
    public void Term_card_says_when_the_entry_was_reviewed()
    {
        var label = Provenance.ReviewedLabel(Glossary.Find("sycophancy")!);
        var card = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local("define sycophancy", Platform.Teams)));

        Assert.NotNull(label);
        Assert.Contains(card["body"]!.AsArray(), b => (string?)b!["text"] == label && (bool?)b["isSubtle"] == true);
    }

    [Fact]
    public void Term_with_senses_lists_them_the_asked_one_first()
    {
        var card = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local("corrigibility in the broad sense", Platform.Teams)));
        var texts = card["body"]!.AsArray().Select(b => (string?)b!["text"]).ToList();

        var heading = texts.IndexOf("Senses");
        Assert.True(heading > 0);
        Assert.StartsWith("**Broad corrigibility (Christiano)**: ", texts[heading + 1]);
        Assert.StartsWith("**Shutdown corrigibility (MIRI)**: ", texts[heading + 2]);
    }

    [Fact]
    public void User_words_cannot_form_links_or_markup_in_the_card()
    {
        // Bare URLs and emphasis markers are cleared before understanding (ChatText); what is left is still escaped.
        var card = Renderer.Render(Bot.AnswerFromGlossary(ChatRequest.Local("[click](evil.example) zzqx", Platform.Teams)));
        var text = (string?)card["body"]![0]!["text"];

        Assert.Contains(@"\[click\](evil.example)", text);   // no link without the brackets
    }

    [Fact]
    public void A_workspace_term_card_says_who_added_it_defuses_expressions_and_markup_and_links_no_public_page()
    {
        var origin = new WorkspaceTerm(new WorkspaceKey(Platform.Teams, "tenant"), "hostile-term",
            new TermDraft("${user.secret} [Ops](https://evil.example)", [], "Runs ${process.env} and <script>alert(1)</script> **loud**.", null, []),
            "29:alice", "29:bob", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

        var card = Renderer.Render(new Reply.TermCard(WorkspaceGlossary.AsTerm(origin), [], Origin: origin));
        var json = string.Join('\n', card.Descendants().SelectMany(o => o.Where(p => p.Value is JsonValue).Select(p => (string?)p.Value?.ToString())));

        CardArtifacts.Write("teams", "card_workspace_term", new JsonObject { ["type"] = "message", ["attachments"] = new JsonArray(AdaptiveCardRenderer.Attachment(card)) }.ToJsonString());
        Assert.Contains("Workspace term · suggested by 29:alice, approved by 29:bob on 24 Nov 2026", json);
        Assert.DoesNotContain("${", json);
        Assert.DoesNotContain("<script>", json);
        Assert.Contains(@"\[Ops\](https://evil.example)", json);
        Assert.DoesNotContain("/terms/hostile-term", json);
        Assert.DoesNotContain("Action.ShowCard", json);
    }
}
