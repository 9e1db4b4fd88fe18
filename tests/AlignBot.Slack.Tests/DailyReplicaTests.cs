using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Exactly-once delivery across replicas: three whole hosts share one PostgreSQL ($ALIGNBOT_TEST_POSTGRES, started by
/// .ci/run), one fake Slack Web API and one fake clock. A fourth replica claimed today's post and crashed before
/// posting; one of the three is killed mid-run. Exactly one chat.postMessage reaches the channel.
/// </summary>
public sealed class DailyReplicaTests(MachineRequirements machine) : IClassFixture<MachineRequirements>
{
    [SkippableFact]
    public async Task Three_replicas_one_killed_and_a_crashed_claim_still_post_exactly_once()
    {
        var connection = machine.Postgres();

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 30, TimeSpan.Zero));
        var channel = new ChannelKey(Platform.Slack, "T-" + Guid.NewGuid().ToString("N")[..8], "C-daily");
        var today = new DateOnly(2026, 11, 24);
        using (var store = new PostgresDatabase(connection))
        {
            await store.Daily.SaveAsync(new DailySubscription(channel, new DailySchedule(new TimeOnly(9, 0), "UTC", false), true, "seed", "U1", clock.GetUtcNow()));
            Assert.Equal(DailyClaim.Claimed, await store.Daily.TryClaimAsync(channel, today, "crashed-replica", clock.GetUtcNow(), clock.GetUtcNow() + DailyService.Lease));
        }

        await using var slack = await FakeSlackApi.StartAsync();
        (string, string)[] settings = [("Storage:Provider", "postgres"), ("Storage:ConnectionString", connection), ("Daily:PollSeconds", "5")];
        var replicas = Enumerable.Range(0, 3).Select(_ => SlackHost.Replica(slack, clock, settings)).ToList();
        try
        {
            foreach (var replica in replicas)
                replica.CreateClient().Dispose();   // starts the host and its scheduler
            await replicas[0].DisposeAsync();        // one replica is killed mid-run

            for (var tick = 0; tick < 40; tick++)    // 40 ticks of 5 s: past the crashed claim's 2-minute lease
            {
                clock.Advance(TimeSpan.FromSeconds(5));
                await Task.Delay(25);
            }
            await slack.WaitForAsync(1, TimeSpan.FromSeconds(5));
            for (var tick = 0; tick < 20; tick++)    // and well beyond: nobody posts again
            {
                clock.Advance(TimeSpan.FromSeconds(5));
                await Task.Delay(25);
            }
            await Task.Delay(500);

            var posts = slack.Requests.Where(r => r.Path == "/api/chat.postMessage").ToList();
            var post = Assert.Single(posts);
            var body = JsonNode.Parse(post.Body)!;
            Assert.Equal("C-daily", (string?)body["channel"]);
            Assert.Contains("Term of the day", post.Body);
        }
        finally
        {
            foreach (var replica in replicas.Skip(1))
                await replica.DisposeAsync();
        }
    }
}
