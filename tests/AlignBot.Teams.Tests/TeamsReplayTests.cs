using System.Net;

namespace AlignBot.Teams.Tests;

/// <summary>The same activity (same id, conversation and token) delivered again is acknowledged and answered once.</summary>
public sealed class TeamsReplayTests
{
    [Fact]
    public async Task The_same_activity_sent_three_times_gets_one_reply()
    {
        await using var host = await TeamsHost.StartAsync();
        var activity = host.Activity("alignbot_message_personal.json");
        var token = host.Framework.Issuer.Token(host.Framework.ServiceUrl);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(activity, token)).StatusCode);
        // Another activity after them: by the time its reply arrives, anything the replays had queued would have too.
        var after = host.Activity("alignbot_message_personal.json");
        after["id"] = "1763975999999";
        after["text"] = "define dpo";
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(after)).StatusCode);

        var sent = await host.Framework.WaitForAsync(2);
        Assert.Single(sent, r => r.Path.EndsWith($"/activities/{activity["id"]}", StringComparison.Ordinal));
        Assert.Single(sent, r => r.Path.EndsWith("/activities/1763975999999", StringComparison.Ordinal));
        Assert.Equal(2, host.Logs.Lines.Count(l => l.Contains($"Ignored a replayed teams-activity in {activity["conversation"]!["id"]}")));
    }
}
