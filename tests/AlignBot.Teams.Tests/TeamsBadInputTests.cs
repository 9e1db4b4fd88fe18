using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AlignBot.Teams.Tests;

/// <summary>
/// Authenticated but wrong bodies at <c>/api/messages</c>: wrong or missing content type, invalid UTF-8, truncated
/// JSON. Each gets a clear 4xx and one log line; nothing is sent to the connector; no secret or token is logged.
/// </summary>
public sealed class TeamsBadInputTests : IAsyncLifetime
{
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpResponseMessage Response, string Token)> Post(byte[] body, string? contentType)
    {
        using var client = _host.CreateClient();
        var token = _host.Framework.Issuer.Token(_host.Framework.ServiceUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        if (contentType is not null)
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request), token);
    }

    private static byte[] Message() => Encoding.UTF8.GetBytes(Fixtures.Text("teams/alignbot_message_personal.json"));

    private async Task AssertNothingSentAndLogsClean(string token)
    {
        await _host.DrainWorkAsync();
        Assert.Empty(_host.Framework.Sent);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(TeamsHost.AppPassword) || l.Contains(token));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Wrong_content_type_is_415(string? contentType)
    {
        var (response, token) = await Post(Message(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync());
        Assert.Single(_host.Logs.Lines, l => l.Contains("content type is not application/json"));
        await AssertNothingSentAndLogsClean(token);
    }

    [Fact]
    public async Task Body_that_is_not_utf8_is_400_saying_so()
    {
        var valid = Message();
        var body = valid.Take(30).Concat(new byte[] { 0xFF, 0xC0, 0xAF }).Concat(valid.Skip(30)).ToArray();

        var (response, token) = await Post(body, "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", await response.Content.ReadAsStringAsync());
        await AssertNothingSentAndLogsClean(token);
    }

    [Fact]
    public async Task Truncated_activity_is_400()
    {
        var valid = Message();

        var (response, token) = await Post(valid[..(valid.Length / 2)], "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingSentAndLogsClean(token);
    }
}
