using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlignBot.Tests;

public sealed class PlaygroundEndpointTests : IDisposable
{
    private readonly List<TempDatabase> _databases = [];

    public void Dispose() => _databases.ForEach(d => d.Dispose());

    private WebApplicationFactory<Program> Host(string environment, params (string Key, string Value)[] settings)
    {
        var database = new TempDatabase();
        _databases.Add(database);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment).UseSetting("Corpus:Path", RepoPaths.Corpus).UseSetting("Storage:ConnectionString", database.ConnectionString);
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });
    }

    [Fact]
    public async Task Message_returns_the_reply_with_block_kit_and_adaptive_card()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/playground/messages", new { text = "what is sycophancy" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("term", "Sycophancy"), ((string?)json["reply"]!["kind"], (string?)json["reply"]!["term"]!["name"]));
        Assert.Equal("Sycophancy", (string?)json["slack"]!["blocks"]![0]!["text"]!["text"]);
        Assert.Equal("AdaptiveCard", (string?)json["teams"]!["type"]);
    }

    [Fact]
    public async Task Button_action_shows_that_term()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/playground/messages", new { actionId = "alignbot.show_term", actionValue = "rlhf" });

        Assert.Equal("rlhf", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reply"]!["term"]!["slug"]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\":\"   \"}")]
    [InlineData("not json")]
    public async Task Empty_or_malformed_message_is_400(string body)
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.PostAsync("/playground/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Message_with_the_wrong_content_type_is_415(string contentType)
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.PostAsync("/playground/messages", new StringContent("{\"text\":\"rlhf\"}", Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Message_that_is_not_utf8_is_400()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();
        var body = new ByteArrayContent([.. "{\"text\":\"define "u8, 0xFF, 0xFE, .. "\"}"u8]);
        body.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/playground/messages", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Playground_is_off_in_production_unless_enabled_but_glossary_pages_stay()
    {
        await using var production = Host("Production");
        using var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/playground/messages", new { text = "rlhf" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/terms")).StatusCode);

        await using var enabled = Host("Production", ("Playground:Enabled", "true"));
        Assert.Equal(HttpStatusCode.OK, (await enabled.CreateClient().GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Messages_beyond_the_rate_limit_get_429()
    {
        await using var host = Host("Development", ("Playground:PermitsPerMinute", "3"));
        using var client = host.CreateClient();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            codes.Add((await client.PostAsJsonAsync("/playground/messages", new { text = "rlhf" })).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task Page_and_assets_are_served_by_the_host_with_no_external_urls()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var page = await client.GetStringAsync("/");
        var script = await client.GetStringAsync("/assets/app.js");
        var css = await client.GetStringAsync("/assets/app.css");

        Assert.Contains("<label for=\"ask\"", page);
        Assert.DoesNotContain("https://", page + script + css);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/../appsettings.json")).StatusCode);
    }

    [Fact]
    public async Task Unknown_term_page_is_404_with_suggestions()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.GetAsync("/terms/sycophancyy");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/terms/sycophancy\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Term_page_says_when_the_entry_was_reviewed()
    {
        await using var host = Host("Production");
        using var client = host.CreateClient();
        var term = Glossary.Corpus.CorpusLoader.Load(RepoPaths.Corpus).Terms.Single(t => t.Slug == "sycophancy");

        var html = await client.GetStringAsync("/terms/sycophancy");

        Assert.Contains($"<p class=\"muted\">{Glossary.Provenance.ReviewedLabel(term)}</p>", html);
    }

    [Fact]
    public async Task Term_page_lists_senses_with_their_sources()
    {
        await using var host = Host("Production");
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/terms/corrigibility");

        Assert.Contains("<h2>Senses</h2><dl class=\"senses\"><dt>Shutdown corrigibility (MIRI)</dt><dd>", html);
        Assert.Contains("href=\"https://www.greaterwrong.com/posts/fkLYhTQteAu5SinAc/corrigibility\"", html);
    }

    [Fact]
    public async Task Glossary_index_lists_every_term_by_category_and_a_to_z()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var html = await client.GetStringAsync("/terms");

        Assert.Contains("<label class=\"filter\" for=\"filter\">", html);
        Assert.Contains(">Failure modes</h3>", html);
        Assert.Equal(2 * Glossary.Corpus.CorpusLoader.Load(RepoPaths.Corpus).Terms.Count, html.Split("<li data-keywords=").Length - 1);
    }
}
