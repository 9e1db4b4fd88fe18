using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlignBot.Tests;

/// <summary>What every page and asset gets: security headers, HEAD, ETags and revalidation, compression, the icon and the 404 page.</summary>
public sealed partial class WebPagesEndpointTests : IDisposable
{
    private static readonly string[] Pages = ["/", "/terms", "/terms/rlhf"];
    private readonly PageHosts _hosts = new();

    public void Dispose() => _hosts.Dispose();

    private WebApplicationFactory<Program> Host() => _hosts.Create("Development");

    [Fact]
    public async Task Html_pages_carry_a_self_only_content_security_policy_and_no_inline_script_or_style()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        foreach (var path in Pages.Append("/terms/no-such-term").Append("/no/such/page"))
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy);
            Assert.Contains("script-src 'self'", policy);
            Assert.Contains("style-src 'self'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.DoesNotContain("unsafe-", policy);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.DoesNotMatch(InlineScriptOrStyle(), html);
        }
    }

    [Fact]
    public async Task Slack_install_pages_are_styled_under_the_same_policy()
    {
        await using var host = _hosts.Create("Development", ("Slack:SigningSecret", "0123456789abcdef0123"), ("Slack:ClientId", "1.2"), ("Slack:ClientSecret", "install-secret"));
        using var client = host.CreateClient();

        var response = await client.GetAsync("/slack/oauth/callback?code=c&state=forged");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<link rel=\"stylesheet\" href=\"/assets/app.css\">", html);
        Assert.DoesNotMatch(InlineScriptOrStyle(), html);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();

    [Fact]
    public async Task Pages_and_assets_answer_head()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        foreach (var path in Pages.Append("/assets/app.css").Append("/assets/app.js").Append("/favicon.ico"))
        {
            var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Pages_and_assets_have_etags_revalidate_and_answer_304_when_unchanged()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        foreach (var path in Pages.Append("/assets/app.css").Append("/assets/terms.js"))
        {
            var first = await client.GetAsync(path);
            Assert.True(first.Headers.CacheControl?.NoCache, $"{path}: Cache-Control {first.Headers.CacheControl}");
            var etag = first.Headers.ETag ?? throw new Xunit.Sdk.XunitException($"{path}: no ETag");

            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            var second = await client.SendAsync(again);

            Assert.True(second.StatusCode == HttpStatusCode.NotModified, $"{path}: {(int)second.StatusCode} for a matching If-None-Match");
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_assets_are_compressed_for_clients_that_accept_it(string encoding)
    {
        await using var host = Host();
        using var client = host.CreateClient();

        foreach (var path in Pages.Append("/assets/app.css").Append("/assets/app.js"))
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var response = await client.SendAsync(request);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task Favicon_is_served_on_every_page()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        var icon = await client.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 0, 1, 0], (await icon.Content.ReadAsByteArrayAsync())[..4]);
        foreach (var path in Pages)
            Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", await client.GetStringAsync(path));
    }

    [Fact]
    public async Task Pages_have_a_description_and_mark_the_current_navigation_entry()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        foreach (var path in Pages)
            Assert.Matches("<meta name=\"description\" content=\"[^\"]{20,}\">", await client.GetStringAsync(path));
        Assert.Contains("<a href=\"/\" aria-current=\"page\">Playground</a>", await client.GetStringAsync("/"));
        Assert.Contains("<a href=\"/terms\" aria-current=\"page\">Glossary</a>", await client.GetStringAsync("/terms"));
        Assert.Contains("<a href=\"/terms\" aria-current=\"true\">Glossary</a>", await client.GetStringAsync("/terms/rlhf"));
    }

    [Fact]
    public async Task Unknown_path_gets_a_small_html_page_that_links_to_the_glossary()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Page not found</h1>", html);
        Assert.Contains("<code>/no/such/page</code>", html);
        Assert.Contains("<a href=\"/terms\">", html);
        Assert.Empty(await (await client.PostAsync("/no/such/page", null)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        await using var host = await HostProcess.StartAsync();
        using var client = new HttpClient();

        var response = await client.GetAsync(host.BaseUrl + "/terms");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
