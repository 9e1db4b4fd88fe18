using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace AlignBot.Tests;

public sealed partial class PlaygroundEndpointTests : IDisposable
{
    private readonly PageHosts _hosts = new();

    public void Dispose() => _hosts.Dispose();

    private WebApplicationFactory<Program> Host(string environment, params (string Key, string Value)[] settings) => _hosts.Create(environment, settings);

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
    public async Task Greeting_gets_the_friendly_reply_on_every_rendering()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/playground/messages", new { text = "hiya, what kind of questions can i ask you" });

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("greeting", (string?)json["reply"]!["kind"]);
        Assert.Contains("Ask me", (string?)json["slack"]!["text"]);
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
    [InlineData("{\"actionValue\":\"rlhf\"}")]
    [InlineData("not json")]
    public async Task Empty_or_malformed_message_is_400(string body)
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.PostAsync("/playground/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_message_shows_help(string text)
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("/playground/messages", new { text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("help", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reply"]!["kind"]);
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
    public async Task Rate_limited_message_says_when_to_retry()
    {
        await using var host = Host("Development", ("Playground:PermitsPerMinute", "1"));
        using var client = host.CreateClient();

        await client.PostAsJsonAsync("/playground/messages", new { text = "rlhf" });
        var refused = await client.PostAsJsonAsync("/playground/messages", new { text = "rlhf" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
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
        Assert.Contains("<h2 id=\"failure-modes\">Failure modes</h2>", html);
        Assert.Contains("<a href=\"#failure-modes\">Failure modes</a>", html);
        var slugs = TermLinks().Matches(html).Select(m => m.Groups["slug"].Value).ToList();
        Assert.Equal(Glossary.Corpus.CorpusLoader.Load(RepoPaths.Corpus).Terms.Select(t => t.Slug).Order(), slugs.Order());
    }

    [GeneratedRegex("<li data-keywords=\"[^\"]*\"><a href=\"/terms/(?<slug>[^\"]+)\"")]
    private static partial Regex TermLinks();

    [Theory]
    [InlineData("/terms/RLHF")]
    [InlineData("/terms/Rlhf")]
    public async Task Term_page_slugs_ignore_case_by_redirecting_to_the_canonical_one(string path)
    {
        await using var host = Host("Development");
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/terms/rlhf", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("127.0.0.1", "http://localhost/", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", "http://127.0.0.1:5000/", HttpStatusCode.OK)]
    [InlineData("::1", "http://[::1]:5000/", HttpStatusCode.OK)]
    [InlineData("::ffff:127.0.0.1", "http://localhost:5000/", HttpStatusCode.OK)]
    [InlineData(null, "http://localhost/", HttpStatusCode.Forbidden)]
    [InlineData("10.1.2.3", "http://localhost/", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1", "http://rebound.example/", HttpStatusCode.Forbidden)]
    [InlineData("127.0.0.1", "http://localhost.rebound.example/", HttpStatusCode.Forbidden)]
    public async Task Playground_answers_a_loopback_address_at_a_loopback_name_only(string? address, string baseUrl, HttpStatusCode expected)
    {
        await using var host = _hosts.Create("Development", address is null ? null : IPAddress.Parse(address));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseUrl) });

        Assert.Equal(expected, (await client.PostAsJsonAsync("/playground/messages", new { text = "rlhf" })).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Allow_remote_answers_any_address_and_name()
    {
        await using var host = _hosts.Create("Development", null, ("Playground:AllowRemote", "true"));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://alignbot.example/") });

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/playground/messages", new { text = "rlhf" })).StatusCode);
    }
}
