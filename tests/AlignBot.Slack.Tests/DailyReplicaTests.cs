using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Daily;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Exactly-once delivery across replicas: three whole hosts share one PostgreSQL ($ALIGNBOT_TEST_POSTGRES, started by
/// .ci/run), one fake Slack Web API and one fake clock. A fourth replica claimed today's post and crashed before
/// posting; one of the three is killed mid-run. The two left run their due posts at once, as their schedulers do, before
/// the crashed claim's lease ends, after it and well beyond: exactly one chat.postMessage reaches the channel.
/// </summary>
public sealed class DailyReplicaTests(MachineRequirements machine) : IClassFixture<MachineRequirements>
{
    [SkippableFact]
    public async Task Three_replicas_one_killed_and_a_crashed_claim_still_post_exactly_once()
    {
        // The schedulers poll every 300 s of the fake clock, which this test moves less than that: each ticks once, at
        // start, while the crashed claim holds; the test runs the replicas' ticks itself and knows when each is done.
        await using var replicas = await PostgresReplicas.CreateAsync(machine, new DateTimeOffset(2026, 11, 24, 9, 0, 30, TimeSpan.Zero), 3,
            ("Daily:PollSeconds", "300"));
        var clock = replicas.Clock;
        var channel = new ChannelKey(Platform.Slack, "T-" + replicas.Run, "C-daily-" + replicas.Run);   // the database holds other runs' channels too
        await replicas.SeedAsync(async store =>
        {
            await store.Daily.SaveAsync(new DailySubscription(channel, new DailySchedule(new TimeOnly(9, 0), "UTC", false), true, "seed", "U1", clock.GetUtcNow()));
            Assert.Equal(DailyClaim.Claimed,
                await store.Daily.TryClaimAsync(channel, new DateOnly(2026, 11, 24), "crashed-replica", clock.GetUtcNow(), clock.GetUtcNow() + DailyService.Lease));
        });
        var running = replicas.Hosts.Select(h => h.Services.GetRequiredService<DailyService>()).ToList();   // starts each host and its scheduler
        await replicas.Hosts[0].DisposeAsync();   // one replica is killed mid-run
        var survivors = running.Skip(1).ToList();
        Task TickAllAsync() => Task.WhenAll(survivors.Select(s => Task.Run(() => s.RunDueAsync(CancellationToken.None))));
        List<RecordedRequest> Posts() =>
            [.. replicas.Slack.Requests.Where(r => r.Path == "/api/chat.postMessage" && (string?)JsonNode.Parse(r.Body)!["channel"] == channel.ChannelId)];

        await TickAllAsync();
        var whileClaimed = Posts();
        clock.Advance(DailyService.Lease);   // past the crashed claim's lease
        await TickAllAsync();
        clock.Advance(TimeSpan.FromMinutes(2));   // and well beyond: nobody posts again
        await TickAllAsync();
        await replicas.StopAllAsync();   // a scheduler's own tick in flight finishes here: after it nothing more is posted

        Assert.Empty(whileClaimed);
        var post = Assert.Single(Posts());
        Assert.Contains("Term of the day", post.Body);
    }
}
