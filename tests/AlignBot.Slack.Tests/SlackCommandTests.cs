using System.Net;
using System.Text;
using System.Text.Json;

namespace AlignBot.Slack.Tests;

/// <summary><c>POST /slack/commands</c> through the real pipeline, signed as Slack signs.</summary>
public sealed class SlackCommandTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    [Fact]
    public async Task Define_sycophancy_returns_an_ephemeral_card_with_related_buttons_and_share()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/commands", Form(Fixtures.Text("slack/alignbot_slash_command_define.txt")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", message.GetProperty("response_type").GetString());
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("Sycophancy", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var buttons = blocks.Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray()).ToList();
        Assert.Contains(buttons, b => b.GetProperty("value").GetString() == "rlhf");
        Assert.Contains(buttons, b => b.GetProperty("action_id").GetString() == SlackActions.Share);
        CardArtifacts.Write("slack", "e2e_command_define", message.GetRawText());
    }

    [Fact]
    public async Task Slacks_published_example_with_empty_text_gets_help()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        using var client = _host.CreateClient();
        var body = Fixtures.Bytes("slack/slash_command.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackHost.SigningSecret, timestamp, body));

        var response = await client.SendAsync(request);

        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AI-alignment terms", json);
        Assert.Contains(SlackActions.PickTerm, json);
    }

    [Fact]
    public async Task Unsigned_request_is_401_with_no_body_and_one_log_line_without_secrets()
    {
        using var client = _host.CreateClient();
        var body = Fixtures.Text("slack/alignbot_slash_command_define.txt");

        var response = await client.PostAsync("/slack/commands", Form(body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var refusals = _host.Logs.Lines.Where(l => l.Contains("Refused Slack request")).ToList();
        Assert.Single(refusals);
        Assert.Contains("MissingHeaders", refusals[0]);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(SlackHost.SigningSecret) || l.Contains("sycophancy") || l.Contains("Rk2mVq8ZsLx4TbNw7YcJ0eHd"));
    }

    [Fact]
    public async Task Badly_signed_and_stale_requests_are_401()
    {
        var body = Fixtures.Text("slack/alignbot_slash_command_define.txt");
        using var stale = _host.CreateSlackClient(() => DateTimeOffset.UtcNow.AddMinutes(-6));
        using var wrong = _host.CreateDefaultClient(new SlackSigningHandler("not-the-signing-secret-at-all"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await stale.PostAsync("/slack/commands", Form(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/slack/commands", Form(body))).StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Contains("OutsideReplayWindow"));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("BadSignature"));
    }

    [Fact]
    public async Task Ten_megabyte_body_is_refused_unread()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/commands", Form("text=" + new string('a', 10 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("text=define%20rlhf")]
    [InlineData("%%%not a form&&&")]
    [InlineData("")]
    public async Task Malformed_form_body_is_400_with_a_reason(string body)
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/commands", Form(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("missing field", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hostile_command_text_is_answered_and_escaped()
    {
        using var client = _host.CreateSlackClient();
        var text = Uri.EscapeDataString("<!channel> <@U999> define <http://evil.example|sycophancy> & @here");

        var response = await client.PostAsync("/slack/commands", Form($"team_id=T1&channel_id=C1&user_id=U1&text={text}"));

        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<!channel>", json);
        Assert.DoesNotContain("@here", json);
        Assert.DoesNotContain("evil.example", json);
    }

    [Fact]
    public async Task Daily_on_subscribes_the_channel_and_says_who_did()
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/commands", Form("team_id=T1&channel_id=C7&user_id=U123&text=daily%20on%2008%3A15%20Europe%2FLondon"));
        var status = await client.PostAsync("/slack/commands", Form("team_id=T1&channel_id=C7&user_id=U9&text=daily%20status"));

        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("set by <@U123>", json);
        Assert.Contains("08:15 Europe/London, weekdays", json);
        Assert.Contains("Next post:", await status.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Europe")]
    [InlineData("posix/Europe/London")]
    public async Task Daily_on_with_a_folder_or_alias_of_the_zone_database_gets_the_unknown_zone_answer(string zone)
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/commands", Form($"team_id=T1&channel_id=C7&user_id=U1&text=daily%20on%2010%3A00%20{Uri.EscapeDataString(zone)}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a time zone I know", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slow_daily_now_is_acknowledged_in_time_and_finished_through_the_response_url()
    {
        using var client = _host.CreateSlackClient();
        await client.PostAsync("/slack/commands", Form("team_id=T1&channel_id=C8&user_id=U1&text=daily%20on"));
        _host.Slack.Script("/api/chat.postMessage", 429, "", retryAfter: "4");
        var hook = Uri.EscapeDataString(_host.Slack.ResponseUrl("late"));

        var response = await client.PostAsync("/slack/commands", Form($"team_id=T1&channel_id=C8&user_id=U1&text=daily%20now&response_url={hook}"));

        // "Working on it" is what the command answers when its budget runs out before the post (held 4 s by the 429)
        // is done: the acknowledgement did not wait for it. (No wall-clock bound: under load it measures the machine.)
        Assert.Contains("Working on it", await response.Content.ReadAsStringAsync());
        var late = Assert.Single(await _host.Slack.WaitForPathAsync("/hooks/late", 1, TimeSpan.FromSeconds(15)));
        Assert.Contains("Posted today", late.Body);
    }

    [Theory]
    [InlineData("https://evil.example/hooks/1")]
    [InlineData("http://hooks.slack.com/commands/1/2")]
    [InlineData("https://hooks.slack.com.evil.example/commands/1/2")]
    [InlineData("https://user@hooks.slack.com/commands/1/2")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://hooks.slack-gov.com/commands/1/2")]   // one of Slack's own, but this host's list leaves it out
    public async Task Command_with_a_response_url_off_the_configured_hosts_is_refused(string responseUrl)
    {
        using var client = _host.CreateSlackClient();

        var response = await client.PostAsync("/slack/commands", Form($"team_id=T1&channel_id=C1&user_id=U1&text=define%20rlhf&response_url={Uri.EscapeDataString(responseUrl)}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_host.Logs.Lines, l => l.Contains("response_url is not https on an allowed host"));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(responseUrl));
    }

    [Fact]
    public async Task Ssl_check_is_acknowledged()
    {
        using var client = _host.CreateSlackClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/slack/commands", Form("ssl_check=1&token=x"))).StatusCode);
    }
}
