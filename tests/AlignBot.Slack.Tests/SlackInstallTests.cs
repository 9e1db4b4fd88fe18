using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat.Stores;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>Multi-workspace install: redirect with a signed state, code exchange, token per team.</summary>
public sealed class SlackInstallTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A browser on the public HTTPS address (the state cookie is Secure, so a browser sends it over HTTPS only).</summary>
    private HttpClient Browser() => _host.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    });

    [Fact]
    public async Task Install_redirects_to_slack_with_scopes_and_a_state_cookie()
    {
        using var browser = Browser();

        var response = await browser.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(_host.Slack.BaseUrl + "/oauth/v2/authorize?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("1234.5678", query["client_id"]);
        Assert.Equal("commands,app_mentions:read,chat:write,im:history,users:read", query["scope"]);
        Assert.Equal(SlackHost.RedirectUri, query["redirect_uri"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains(query["state"]!) && c.Contains("httponly"));
    }

    [Fact]
    public async Task Callback_stores_the_teams_token_and_that_team_is_answered_with_it()
    {
        _host.Slack.Script("/api/oauth.v2.access", 200, Fixtures.Text("slack/oauth_v2_access_response.json"));
        using var browser = Browser();
        var state = QueryHelpers.ParseQuery((await browser.GetAsync("/slack/install")).Headers.Location!.Query)["state"];

        var callback = await browser.GetAsync($"/slack/oauth/callback?code=abc123&state={Uri.EscapeDataString(state!)}");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("Interpretability Reading Group", await callback.Content.ReadAsStringAsync());
        var exchange = Assert.Single(_host.Slack.Requests);
        Assert.Equal("/api/oauth.v2.access", exchange.Path);
        Assert.StartsWith("Basic ", exchange.Authorization);
        Assert.Contains("code=abc123", exchange.Body);
        var stored = await _host.Services.GetRequiredService<IInstallationStore>().FindAsync("T07RDGRP55");
        Assert.Equal(("xoxb-7301958264-7319024857-Qm4LwZr8TfKc2NvYpXe6HdJa", "U07RDBOT11"), (stored!.BotToken, stored.BotUserId));

        var mention = JsonNode.Parse(Fixtures.Text("slack/alignbot_app_mention_in_thread.json"))!;
        mention["team_id"] = "T07RDGRP55";
        using var slack = _host.CreateSlackClient();
        await slack.PostAsync("/slack/events", new StringContent(mention.ToJsonString(), Encoding.UTF8, "application/json"));
        var requests = await _host.Slack.WaitForAsync(2);
        Assert.Equal("Bearer xoxb-7301958264-7319024857-Qm4LwZr8TfKc2NvYpXe6HdJa", requests[1].Authorization);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("xoxb-7301958264") || l.Contains(SlackHost.ClientSecret));
    }

    [Theory]
    [InlineData("code=abc")]
    [InlineData("code=abc&state=forged.state")]
    [InlineData("error=access_denied")]
    [InlineData("error=Your+workspace+admin+says+call+this+number")]
    public async Task Callback_without_a_valid_state_installs_nothing_and_shows_nothing_from_the_query(string query)
    {
        using var browser = Browser();

        var response = await browser.GetAsync("/slack/oauth/callback?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Install link expired", page);
        Assert.DoesNotContain("access_denied", page);
        Assert.DoesNotContain("call this number", page);
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public async Task Callback_with_a_valid_state_and_an_error_says_what_slack_said()
    {
        using var browser = Browser();
        var state = QueryHelpers.ParseQuery((await browser.GetAsync("/slack/install")).Headers.Location!.Query)["state"];

        var response = await browser.GetAsync($"/slack/oauth/callback?error=access_denied&state={Uri.EscapeDataString(state!)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Slack said: access_denied", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public async Task A_state_is_good_for_one_callback_even_with_its_cookie()
    {
        _host.Slack.Script("/api/oauth.v2.access", 200, Fixtures.Text("slack/oauth_v2_access_response.json"));
        using var browser = Browser();
        var state = QueryHelpers.ParseQuery((await browser.GetAsync("/slack/install")).Headers.Location!.Query)["state"].ToString();
        var callback = $"/slack/oauth/callback?code=abc123&state={Uri.EscapeDataString(state)}";
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(callback)).StatusCode);

        using var replay = new HttpRequestMessage(HttpMethod.Get, callback.Replace("abc123", "def456"));
        replay.Headers.Add("Cookie", "alignbot_slack_oauth_state=" + state);
        using var attacker = _host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var response = await attacker.SendAsync(replay);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Install link expired", await response.Content.ReadAsStringAsync());
        Assert.Single(_host.Slack.Requests, r => r.Path == "/api/oauth.v2.access");
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Slack OAuth callback refused: state already used"));
    }

    [Fact]
    public async Task The_state_cookie_is_secure_outside_development_even_over_plain_http_behind_a_proxy()
    {
        using var browser = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });   // http://, as from a TLS proxy

        var response = await browser.GetAsync("/slack/install");

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("alignbot_slack_oauth_state=", StringComparison.Ordinal) && c.Contains("secure"));
    }

    [Fact]
    public async Task Without_a_redirect_uri_the_one_derived_from_the_public_base_url_is_used_not_the_host_header()
    {
        await using var host = await SlackHost.StartAsync(_ => { }, ("Slack:RedirectUri", ""), ("App:PublicBaseUrl", "https://bot.example.org/"));
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/slack/install");
        request.Headers.Host = "evil.example";

        var location = (await browser.SendAsync(request)).Headers.Location!;

        Assert.Equal("https://bot.example.org/slack/oauth/callback", QueryHelpers.ParseQuery(location.Query)["redirect_uri"]);
    }

    [Fact]
    public async Task In_development_without_a_redirect_uri_the_requests_host_is_used()
    {
        await using var host = await SlackHost.StartAsync(_ => { }, ("Slack:RedirectUri", ""), ("environment", "Development"));
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/slack/install");

        Assert.Equal("http://localhost/slack/oauth/callback", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"]);
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure"));
    }

    [Fact]
    public async Task Callback_with_a_state_from_another_browser_is_refused()
    {
        using var attacker = Browser();
        var state = QueryHelpers.ParseQuery((await attacker.GetAsync("/slack/install")).Headers.Location!.Query)["state"];
        using var victim = Browser();

        var response = await victim.GetAsync($"/slack/oauth/callback?code=abc&state={Uri.EscapeDataString(state!)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public async Task Slack_refusing_the_code_is_a_clear_error_page()
    {
        _host.Slack.Script("/api/oauth.v2.access", 200, "{\"ok\":false,\"error\":\"invalid_code\"}");
        using var browser = Browser();
        var state = QueryHelpers.ParseQuery((await browser.GetAsync("/slack/install")).Headers.Location!.Query)["state"];

        var response = await browser.GetAsync($"/slack/oauth/callback?code=old&state={Uri.EscapeDataString(state!)}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("invalid_code", await response.Content.ReadAsStringAsync());
    }
}
