using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AlignBot.Teams.Tests;

public sealed class TeamsHostingTests
{
    [Fact]
    public async Task Allow_anonymous_in_development_accepts_loopback_activities_and_replies_without_a_token()
    {
        await using var host = await TeamsHost.StartAsync(environment: "Development", anonymous: true);
        var activity = JsonNode.Parse(Fixtures.Text("teams/alignbot_message_personal.json"))!;
        activity["serviceUrl"] = host.Framework.ServiceUrl;
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await host.Framework.WaitForAsync(1));
        Assert.Null(reply.Authorization);
        Assert.Equal(0, host.Framework.TokenRequests);
    }

    [Fact]
    public async Task Allow_anonymous_still_refuses_a_non_loopback_service_url()
    {
        await using var host = await TeamsHost.StartAsync(environment: "Development", anonymous: true);
        var activity = JsonNode.Parse(Fixtures.Text("teams/alignbot_message_personal.json"))!;
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
