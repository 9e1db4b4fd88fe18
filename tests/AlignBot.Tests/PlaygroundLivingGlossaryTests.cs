using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlignBot.Tests;

/// <summary>
/// The playground as one local workspace whose user is its curator: Suggest this term → the form → Submit → the
/// suggestion back for review at once → Approve → the term answers there, with its workspace footer; never in the
/// public /terms pages.
/// </summary>
public sealed class PlaygroundLivingGlossaryTests : IDisposable
{
    private const string Definition = "Our quarterly exercise where the safety team tries to break the release pipeline.";
    private readonly PageHosts _hosts = new();

    public void Dispose() => _hosts.Dispose();

    private WebApplicationFactory<Program> Host() => _hosts.Create("Development");

    private static async Task<JsonNode> PostAsync(HttpClient client, object message) =>
        JsonNode.Parse(await (await client.PostAsJsonAsync("/playground/messages", message)).Content.ReadAsStringAsync())!["reply"]!;

    [Fact]
    public async Task Suggest_submit_approve_and_the_term_answers_in_the_playground_but_has_no_public_page()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        var notFound = await PostAsync(client, new { text = "what is a blue team drill" });
        var form = await PostAsync(client, new { actionId = "alignbot.suggest", actionValue = (string)notFound["query"]! });
        var bad = await PostAsync(client, new { form = new { name = "Blue team drill", definition = "short", source = "", related = Array.Empty<string>() } });
        var review = await PostAsync(client, new { form = new { name = "Blue team drill", aliases = "BTD", definition = Definition, source = "https://example.org/drill",
            related = new[] { "red-teaming" } } });
        var approved = await PostAsync(client, new { actionId = "alignbot.approve", actionValue = (string)review["id"]! });
        var card = await PostAsync(client, new { text = "define BTD" });
        var page = await client.GetAsync("/terms/blue-team-drill");

        Assert.Equal("notFound", (string?)notFound["kind"]);
        Assert.Equal(("suggestForm", "blue team drill"), ((string?)form["kind"], (string?)form["name"]));
        Assert.Contains("30", (string?)bad["errors"]!["definition"]);
        Assert.Equal(("review", "pending"), ((string?)review["kind"], (string?)review["state"]));
        Assert.Equal(("review", "approved"), ((string?)approved["kind"], (string?)approved["state"]));
        Assert.Equal(("term", Definition), ((string?)card["kind"], (string?)card["term"]!["summary"]));
        Assert.StartsWith("Workspace term · suggested by playground, approved by playground on ", (string?)card["origin"]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Not_helpful_counts_and_the_digest_shows_what_went_unanswered()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        await PostAsync(client, new { text = "what is a flibbertigibbet" });
        var thanks = await PostAsync(client, new { actionId = "alignbot.not_helpful", actionValue = "rlhf" });
        var digest = await PostAsync(client, new { text = "unanswered" });

        Assert.Contains("What were you looking for", (string?)thanks["text"]);
        Assert.Equal("digest", (string?)digest["kind"]);
        Assert.Equal("what is a flibbertigibbet", (string?)digest["questions"]![0]!["text"]);
        Assert.Equal("rlhf", (string?)digest["leastHelpful"]![0]!["term"]!["slug"]);
    }

    [Fact]
    public async Task The_curator_edits_an_approved_term_in_the_form_and_it_answers_with_the_new_text_but_a_corpus_term_cannot_be_edited()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var review = await PostAsync(client, new { form = new { name = "Blue team drill", aliases = "BTD", definition = Definition, source = "https://example.org/drill",
            related = new[] { "red-teaming" } } });
        await PostAsync(client, new { actionId = "alignbot.approve", actionValue = (string)review["id"]! });
        const string edited = "The exercise each quarter in which the safety team attacks our release pipeline on purpose.";

        var form = await PostAsync(client, new { actionId = "alignbot.edit_term", actionValue = "blue-team-drill" });
        var saved = await PostAsync(client, new { form = new { name = "Blue team drill", aliases = "BTD", definition = edited, source = "", related = Array.Empty<string>() },
            termSlug = (string)form["termSlug"]! });
        var card = await PostAsync(client, new { text = "define BTD" });
        var corpus = await PostAsync(client, new { text = "edit rlhf" });

        Assert.Equal(("suggestForm", "blue-team-drill", "Edit the workspace term"), ((string?)form["kind"], (string?)form["termSlug"], (string?)form["title"]));
        Assert.Equal((Definition, "BTD", "https://example.org/drill"), ((string?)form["definition"], (string?)form["aliases"], (string?)form["source"]));
        Assert.Contains("history is kept", (string?)saved["text"]);
        Assert.Equal(("term", edited), ((string?)card["kind"], (string?)card["term"]!["summary"]));
        Assert.Contains("cannot be changed from chat", (string?)corpus["text"]);
    }
}
