using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.DependencyInjection;

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
        // A Monday no other test's clock is on: every host on this database runs the digest for the review channels it
        // finds, and one whose clock reads another Monday (the real one included) claims and posts for that Monday only.
        await using var replicas = await PostgresReplicas.CreateAsync(machine, new DateTimeOffset(2031, 3, 3, 9, 0, 30, TimeSpan.Zero), 3,
            ("Daily:PollSeconds", "300"));
        var workspace = new WorkspaceKey(Platform.Slack, "T-" + replicas.Run);
        var channel = "C-review-" + replicas.Run;
        await replicas.SeedAsync(async store =>
        {
            await store.Curators.SetReviewChannelAsync(workspace, channel, "U-curator", replicas.Clock.GetUtcNow());
            await store.Unanswered.RecordAsync(workspace, "what is a flibbertigibbet", replicas.Clock.GetUtcNow().AddDays(-1));
        });

        await Task.WhenAll(replicas.Hosts.Select(r => Task.Run(() => r.Services.GetRequiredService<DigestService>().RunDueAsync(CancellationToken.None))));
        // The claim may be a replica's own scheduler's, still posting when these calls return; and other requests (other
        // runs' review channels on this database, due this Monday too) may come first. So: wait for this channel's post,
        // then stop every replica, after which nothing more is posted, and count. The clock stays within the claim's
        // lease, so nobody could claim it again meanwhile.
        List<RecordedRequest> Posts() => [.. replicas.Slack.Requests.Where(r => r.Path == "/api/chat.postMessage" && (string?)JsonNode.Parse(r.Body)!["channel"] == channel)];
        for (var seen = 1; Posts().Count == 0 && seen <= 100; seen++)
            await replicas.Slack.WaitForAsync(replicas.Slack.Requests.Count + 1, TimeSpan.FromMilliseconds(200));
        await replicas.StopAllAsync();

        var post = Assert.Single(Posts());
        Assert.Contains("What went unanswered", post.Body);
        Assert.Contains("flibbertigibbet", post.Body);
    }

    [SkippableFact]
    public async Task No_digest_before_nine_on_monday_nor_on_other_days()
    {
        await using var replicas = await PostgresReplicas.CreateAsync(machine, new DateTimeOffset(2031, 3, 3, 8, 59, 0, TimeSpan.Zero), 1,   // a Monday no other test's clock is on
            ("Daily:PollSeconds", "300"));
        var channel = "C-review-" + replicas.Run;
        await replicas.SeedAsync(store =>
            store.Curators.SetReviewChannelAsync(new WorkspaceKey(Platform.Slack, "T-" + replicas.Run), channel, "U-curator", replicas.Clock.GetUtcNow()));
        var digests = replicas.Hosts[0].Services.GetRequiredService<DigestService>();

        await digests.RunDueAsync(CancellationToken.None);
        replicas.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));   // Tuesday 09:01
        await digests.RunDueAsync(CancellationToken.None);

        Assert.DoesNotContain(replicas.Slack.Requests, r => r.Path == "/api/chat.postMessage" && r.Body.Contains(channel));
    }
}
