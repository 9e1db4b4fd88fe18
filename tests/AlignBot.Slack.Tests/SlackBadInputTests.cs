using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Correctly signed but wrong bodies at every signed Slack endpoint: wrong or missing content types, invalid UTF-8,
/// truncated bodies. Each gets a clear 4xx and one log line naming the reason; nothing reaches Slack; no secret and
/// no body text in any log line.
/// </summary>
public sealed class SlackBadInputTests : IAsyncLifetime
{
    private SlackHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> WrongContentTypes => new()
    {
        { "/slack/commands", "application/json" },
        { "/slack/commands", "text/plain" },
        { "/slack/interactions", "application/json" },
        { "/slack/options", "multipart/form-data; boundary=x" },
        { "/slack/events", "application/x-www-form-urlencoded" },
        { "/slack/events", "text/xml" },
    };

    private async Task<HttpResponseMessage> Post(string path, byte[] body, string? contentType)
    {
        using var client = _host.CreateSlackClient();
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(path, content);
    }

    private void AssertLogsClean(params string[] bodyTexts)
    {
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(SlackHost.SigningSecret) || l.Contains(SlackHost.BotToken));
        foreach (var text in bodyTexts)
            Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(text));
        Assert.Empty(_host.Slack.Requests);
    }

    [Theory]
    [MemberData(nameof(WrongContentTypes))]
    public async Task Signed_body_with_the_wrong_content_type_is_415_naming_the_expected_one(string path, string contentType)
    {
        var body = path == "/slack/events" ? Fixtures.Bytes("slack/alignbot_app_mention_in_thread.json") : Fixtures.Bytes("slack/alignbot_slash_command_define.txt");

        var response = await Post(path, body, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(path == "/slack/events" ? "application/json" : "application/x-www-form-urlencoded", await response.Content.ReadAsStringAsync());
        Assert.Single(_host.Logs.Lines, l => l.Contains("content type is not"));
        AssertLogsClean("define RLHF", "sycophancy");
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task Signed_body_without_a_content_type_is_415(string path)
    {
        var response = await Post(path, Encoding.UTF8.GetBytes("text=define%20rlhf"), null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        AssertLogsClean();
    }

    [Theory]
    [InlineData("/slack/commands", "application/x-www-form-urlencoded")]
    [InlineData("/slack/events", "application/json")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded")]
    [InlineData("/slack/options", "application/x-www-form-urlencoded")]
    public async Task Signed_body_that_is_not_utf8_is_400_saying_so(string path, string contentType)
    {
        var valid = path == "/slack/events" ? Fixtures.Bytes("slack/alignbot_app_mention_in_thread.json") : Fixtures.Bytes("slack/alignbot_slash_command_define.txt");
        var body = valid.Take(40).Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 }).Concat(valid.Skip(40)).ToArray();

        var response = await Post(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", await response.Content.ReadAsStringAsync());
        Assert.Single(_host.Logs.Lines, l => l.Contains("body is not valid UTF-8"));
        AssertLogsClean();
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public async Task Truncated_event_body_is_400_and_nothing_is_posted(double keep)
    {
        var whole = Fixtures.Bytes("slack/alignbot_app_mention_in_thread.json");

        var response = await Post("/slack/events", whole[..(int)(whole.Length * keep)], "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await _host.DrainWorkAsync();
        AssertLogsClean("define   RLHF");
    }

    [Fact]
    public async Task Truncated_command_form_is_400_naming_the_missing_field()
    {
        var whole = Fixtures.Text("slack/alignbot_slash_command_define.txt");

        var response = await Post("/slack/commands", Encoding.UTF8.GetBytes(whole[..whole.IndexOf("&user_id", StringComparison.Ordinal)]),
            "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("user_id", await response.Content.ReadAsStringAsync());
        AssertLogsClean();
    }

    [Fact]
    public async Task Content_type_with_charset_is_accepted()
    {
        var response = await Post("/slack/commands", Fixtures.Bytes("slack/alignbot_slash_command_define.txt"), "application/x-www-form-urlencoded; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sycophancy", await response.Content.ReadAsStringAsync());
    }
}
