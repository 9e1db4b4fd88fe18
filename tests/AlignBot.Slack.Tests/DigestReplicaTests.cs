using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Slack.Tests;

/// <summary>
/// The curators' weekly digest is posted once across replicas: three whole hosts on one PostgreSQL
/// ($ALIGNBOT_TEST_POSTGRES), one fake Slack and one fake clock at Monday 09:00 in the review channel's zone, all running
/// the digest at once (and their schedulers besides).
/// </summary>
public sealed class DigestReplicaTests(MachineRequirements machine) : IClassFixture<MachineRequirements>
{
    [SkippableFact]
    public async Task Three_replicas_post_the_monday_digest_exactly_once()
    {
        var connection = machine.Postgres();
        // A Monday no other test's clock is on: every host on this database runs the digest for the review channels it
        // finds, and one whose clock reads another Monday (the real one included) claims and posts for that Monday only.
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 9, 0, 30, TimeSpan.Zero));
        var run = Guid.NewGuid().ToString("N")[..8];
        var workspace = new WorkspaceKey(Platform.Slack, "T-" + run);
        var channel = "C-review-" + run;
        using (var store = new PostgresDatabase(connection))
        {
            await store.Curators.SetReviewChannelAsync(workspace, channel, "U-curator", clock.GetUtcNow());
            await store.Unanswered.RecordAsync(workspace, "what is a flibbertigibbet", clock.GetUtcNow().AddDays(-1));
        }

        await using var slack = await FakeSlackApi.StartAsync();
        (string, string)[] settings = [("Storage:Provider", "postgres"), ("Storage:ConnectionString", connection), ("Daily:PollSeconds", "300")];
        var replicas = Enumerable.Range(0, 3).Select(_ => SlackHost.Replica(slack, clock, settings)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Services.GetRequiredService<DigestService>().RunDueAsync(CancellationToken.None))));
            await slack.WaitForAsync(1, TimeSpan.FromSeconds(10));

            // Whoever claimed has posted and marked it; the clock stays within the claim's lease, so nobody can post it again.
            // (Only this run's channel counts: the database may hold other runs' review channels, due this Monday too.)
            var posts = slack.Requests.Where(r => r.Path == "/api/chat.postMessage" && (string?)JsonNode.Parse(r.Body)!["channel"] == channel).ToList();
            var post = Assert.Single(posts);
            Assert.Contains("What went unanswered", post.Body);
            Assert.Contains("flibbertigibbet", post.Body);
        }
        finally
        {
            foreach (var replica in replicas)
                await replica.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task No_digest_before_nine_on_monday_nor_on_other_days()
    {
        var connection = machine.Postgres();
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 3, 8, 59, 0, TimeSpan.Zero));   // a Monday no other test's clock is on
        var run = Guid.NewGuid().ToString("N")[..8];
        var channel = "C-review-" + run;
        using (var store = new PostgresDatabase(connection))
            await store.Curators.SetReviewChannelAsync(new WorkspaceKey(Platform.Slack, "T-" + run), channel, "U-curator", clock.GetUtcNow());
        await using var slack = await FakeSlackApi.StartAsync();
        await using var host = SlackHost.Replica(slack, clock, ("Storage:Provider", "postgres"), ("Storage:ConnectionString", connection), ("Daily:PollSeconds", "300"));
        var digests = host.Services.GetRequiredService<DigestService>();

        await digests.RunDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));   // Tuesday 09:01
        await digests.RunDueAsync(CancellationToken.None);

        Assert.DoesNotContain(slack.Requests, r => r.Path == "/api/chat.postMessage" && r.Body.Contains(channel));
    }
}
