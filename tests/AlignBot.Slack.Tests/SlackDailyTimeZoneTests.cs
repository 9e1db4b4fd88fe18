using System.Text;
using System.Text.Json.Nodes;

namespace AlignBot.Slack.Tests;

/// <summary><c>/align daily on</c> without a zone takes the person's time zone from users.info, and says which zone it chose.</summary>
public sealed class SlackDailyTimeZoneTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The answer to <c>/align {text}</c>: in the response, or at the response_url when the host was too slow for the response.</summary>
    private async Task<string> AlignAsync(string text)
    {
        using var client = _host.CreateSlackClient();
        var hook = _host.Slack.ResponseUrl(Guid.NewGuid().ToString("N"));
        var form = Fixtures.Text("slack/alignbot_slash_command_define.txt")
            .Replace("text=define%20sycophancy", "text=" + Uri.EscapeDataString(text))
            .Replace("response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT04ALGN7Q2%2F8120459376021%2FuV3nQ8kXr2LmT6yPz9WbHc1D", "response_url=" + Uri.EscapeDataString(hook));
        var response = await client.PostAsync("/slack/commands", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains("Working on it", StringComparison.Ordinal)
            ? Assert.Single(await _host.Slack.WaitForPathAsync(new Uri(hook).AbsolutePath)).Body
            : body;
    }

    private void ProfileZone(string zone) => _host.Slack.Script("/api/users.info", 200, new JsonObject
    {
        ["ok"] = true,
        ["user"] = new JsonObject { ["id"] = "U03KD8MRQ1", ["name"] = "ines.okafor", ["tz"] = zone, ["tz_label"] = "Local", ["is_admin"] = false, ["is_owner"] = false },
    }.ToJsonString());

    [Fact]
    public async Task Daily_on_without_a_zone_uses_the_persons_slack_time_zone_and_says_so()
    {
        ProfileZone("Europe/London");

        var answer = await AlignAsync("daily on 09:30");

        Assert.Contains("09:30 Europe/London, weekdays (your time zone)", answer, StringComparison.Ordinal);
        var lookup = Assert.Single(_host.Slack.Requests, r => r.Path == "/api/users.info");
        Assert.Equal("Bearer " + SlackHost.BotToken, lookup.Authorization);
        Assert.Equal("user=U03KD8MRQ1", lookup.Body);
    }

    [Fact]
    public async Task A_typed_zone_wins_over_the_persons_time_zone()
    {
        ProfileZone("Europe/London");

        var answer = await AlignAsync("daily on 09:30 Asia/Tokyo");

        Assert.Contains("09:30 Asia/Tokyo, weekdays. Next post", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_users_read_scope_daily_on_says_it_chose_utc_and_one_line_says_why()
    {
        _host.Slack.Script("/api/users.info", 200, """{"ok":false,"error":"missing_scope","needed":"users:read"}""");

        var answer = await AlignAsync("daily on 09:30");

        Assert.Contains("09:30 UTC, weekdays (no time zone given and none known for you, so UTC", answer, StringComparison.Ordinal);
        Assert.Single(_host.Logs.Lines, l => l.Contains("Could not read the time zone of Slack user U03KD8MRQ1 (missing_scope)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_daily_commands_and_a_typed_zone_ask_slack_nothing_about_the_person()
    {
        await AlignAsync("daily on 09:30 Asia/Tokyo");
        await AlignAsync("daily status");
        await AlignAsync("daily off");

        await _host.DrainWorkAsync();
        Assert.DoesNotContain(_host.Slack.Requests, r => r.Path == "/api/users.info");
    }
}
