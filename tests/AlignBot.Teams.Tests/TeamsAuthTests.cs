using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Teams.Tests;

/// <summary>Inbound authentication: every refusal the Bot Framework's rules call for, each logged once.</summary>
public sealed class TeamsAuthTests : IAsyncLifetime
{
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JsonNode Activity()
    {
        var activity = JsonNode.Parse(Fixtures.Text("teams/alignbot_message_personal.json"))!;
        activity["serviceUrl"] = _host.Framework.ServiceUrl;
        return activity;
    }

    private async Task<HttpStatusCode> Send(string? token, JsonNode? activity = null)
    {
        using var client = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent((activity ?? Activity()).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }

    private void AssertRefusedOnce(string reason)
    {
        Assert.Single(_host.Logs.Lines, l => l.Contains("Refused Teams activity"));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Refused Teams activity: " + reason));
        Assert.Empty(_host.Framework.Sent);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("eyJ"));   // no token in any log line
    }

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await Send(_host.Framework.Issuer.Token(_host.Framework.ServiceUrl)));
        Assert.Single(await _host.Framework.WaitForAsync(1));
    }

    [Fact]
    public async Task No_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(null));
        AssertRefusedOnce("no Bearer token");
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(_host.Framework.Issuer.Token(_host.Framework.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-10))));
        AssertRefusedOnce("token");
    }

    [Fact]
    public async Task Wrong_audience_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(_host.Framework.Issuer.Token(_host.Framework.ServiceUrl, audience: "someone-else")));
        AssertRefusedOnce("wrong audience");
    }

    [Fact]
    public async Task Wrong_issuer_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(_host.Framework.Issuer.Token(_host.Framework.ServiceUrl, issuer: "https://evil.example")));
        AssertRefusedOnce("wrong issuer");
    }

    [Fact]
    public async Task Token_signed_by_an_unknown_key_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(_host.Framework.Issuer.Token(_host.Framework.ServiceUrl, rogue: true)));
        AssertRefusedOnce("signed by an unknown key");
    }

    [Fact]
    public async Task Service_url_not_matching_the_claim_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send(_host.Framework.Issuer.Token("https://smba.trafficmanager.net/emea/")));
        AssertRefusedOnce("serviceurl claim does not match the activity");
    }

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_is_403()
    {
        var activity = Activity();
        activity["channelId"] = "webchat";

        Assert.Equal(HttpStatusCode.Forbidden, await Send(_host.Framework.Issuer.Token(_host.Framework.ServiceUrl), activity));
        AssertRefusedOnce("signing key not endorsed for the channel");
    }

    [Fact]
    public async Task Garbage_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Send("not.a.jwt"));
        AssertRefusedOnce("malformed token");
    }

    [Theory]
    [InlineData("alignbot_message_personal.json", "daily on 10:00")]
    [InlineData("conversationUpdate_membersAdded_personal.json", null)]
    public async Task Service_url_off_the_allowed_hosts_is_403_at_the_door_with_nothing_stored_and_no_reply(string fixture, string? text)
    {
        var activity = _host.Activity(fixture);
        activity["serviceUrl"] = "https://attacker.example/";
        if (text is not null)
            activity["text"] = text;                  // "daily" stores the conversation reference
        else
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + TestIssuer.AppId });   // so does being added

        Assert.Equal(HttpStatusCode.Forbidden, await Send(_host.Framework.Issuer.Token("https://attacker.example/"), activity));

        AssertRefusedOnce("service URL not on Teams:AllowedServiceHosts");
        Assert.Null(await _host.Services.GetRequiredService<IConversationReferenceStore>().FindAsync((string)activity["conversation"]!["id"]!));
        Assert.Equal(0, _host.Framework.TokenRequests);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("service URL not allowed"));   // the connector was never asked to send
    }
}
