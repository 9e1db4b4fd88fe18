using System.Security.Cryptography;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// The curators' weekly digest: on Mondays at <see cref="At"/> in the review channel's zone (its term-of-the-day zone,
/// else UTC), the top unanswered questions and least helpful terms are posted into every review channel, exactly once
/// across replicas. It reuses the term of the day's claims: one claim row per (review channel, Monday), under a channel
/// key of its own (<see cref="ClaimPrefix"/>), so the first replica to claim posts and the others skip. A scheduler calls
/// <see cref="RunDueAsync"/> every few seconds on every replica; it also forgets unanswered questions past their
/// retention, once an hour.
/// </summary>
public sealed class DigestService(ICuratorStore curators, IDailyStore claims, GlossaryFeedback feedback, TermGlossary glossary, WorkspaceGlossaries workspaces,
    IEnumerable<IDailyPublisher> publishers, TimeProvider clock, ILogger<DigestService> log)
{
    /// <summary>The local time of the digest, on Mondays.</summary>
    public static readonly TimeOnly At = new(9, 0);

    /// <summary>Marks a claim as the digest's rather than the term of the day's.</summary>
    public const string ClaimPrefix = "digest:";

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private DateTimeOffset _pruned = DateTimeOffset.MinValue;

    /// <summary>Identifies this replica's claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:digest:{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>Posts every digest that is due and unclaimed; returns how many this replica posted.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await PruneAsync(cancellationToken);
        var posted = 0;
        foreach (var (workspace, channelId) in await curators.ReviewChannelsAsync(cancellationToken))
        {
            var channel = new ChannelKey(workspace.Platform, workspace.WorkspaceOrTenantId, channelId);
            var zone = (await claims.FindAsync(channel, cancellationToken))?.Schedule.TimeZone ?? "UTC";
            var schedule = new DailySchedule(At, zone, WeekdaysOnly: false);
            var now = clock.GetUtcNow();
            var today = schedule.LocalDate(now);
            if (today.DayOfWeek != DayOfWeek.Monday || now < schedule.InstantOn(today))
                continue;
            if (await PostAsync(workspace, channel, today, cancellationToken))
                posted++;
        }
        return posted;
    }

    private async Task<bool> PostAsync(WorkspaceKey workspace, ChannelKey channel, DateOnly monday, CancellationToken cancellationToken)
    {
        var claim = channel with { ChannelId = ClaimPrefix + channel.ChannelId };
        var now = clock.GetUtcNow();
        if (await claims.TryClaimAsync(claim, monday, Owner, now, now + DailyService.Lease, cancellationToken) != DailyClaim.Claimed)
            return false;
        var scope = await workspaces.ScopeAsync(glossary, workspace, cancellationToken);
        var digest = await feedback.DigestAsync(workspace, scope, cancellationToken);
        try
        {
            var publisher = publishers.FirstOrDefault(p => p.Platform == channel.Platform)
                ?? throw new DailyPublishException($"{channel.Platform} is not configured on this host", permanent: false);
            await publisher.PublishAsync(channel, digest, cancellationToken);
        }
        catch (DailyPublishException ex) when (!ex.Permanent)
        {
            log.DigestFailed(channel.Id, monday.ToString("O"), ex.Message, "retrying later");
            await claims.DeferAsync(claim, monday, Owner, clock.GetUtcNow(), DailyService.Backoff(), cancellationToken);
            return false;
        }
        catch (DailyPublishException ex)
        {
            log.DigestFailed(channel.Id, monday.ToString("O"), ex.Message, "skipped this week");
            await claims.MarkPostedAsync(claim, monday, Owner, "digest", clock.GetUtcNow(), cancellationToken);
            return false;
        }
        await claims.MarkPostedAsync(claim, monday, Owner, "digest", clock.GetUtcNow(), cancellationToken);
        if (log.IsEnabled(LogLevel.Information))
            log.DigestPosted(channel.Id, monday.ToString("O"));
        return true;
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _pruned < PruneEvery)
            return;
        _pruned = now;
        if (await feedback.PruneUnansweredAsync(cancellationToken) is > 0 and var count)
            log.UnansweredPruned(count);
    }
}
