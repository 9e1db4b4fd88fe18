using System.Net;

namespace AlignBot.Teams.Tests;

/// <summary>No outgoing URL (the connector's conversation paths, the token endpoint, the signing keys) reaches the log at the levels on by default.</summary>
public sealed class OutgoingUrlLogTests : IAsyncLifetime
{
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Replies_tokens_and_signing_keys_are_fetched_without_logging_their_urls()
    {
        var activity = _host.Activity("message_channel_mention.json");
        activity["text"] = "<at>ridotest</at> what is sycophancy";

        Assert.Equal(HttpStatusCode.OK, (await _host.SendAsync(activity)).StatusCode);
        var reply = Assert.Single(await _host.Framework.WaitForAsync(1));

        Assert.StartsWith("/teams/v3/conversations/", reply.Path);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains(_host.Framework.BaseUrl) || l.Contains("/v3/conversations") || l.Contains("6848757105754c8981c67612732d9aa7")
            || l.Contains("/openid") || l.Contains("/token"));
    }
}
