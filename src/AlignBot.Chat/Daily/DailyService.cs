using System.Collections.Concurrent;
using System.Security.Cryptography;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Daily;

/// <summary>
/// The term of the day: the chat commands that change a channel's subscription, and <see cref="RunDueAsync"/>, which a
/// scheduler calls every few seconds on every replica. A post is made only by the replica that claims (channel, local
/// date) in the store; a claim whose owner crashed expires after <see cref="Lease"/> and is taken over; a transient
/// failure keeps the claim and lets it expire after a growing delay (the retry); a permanent one turns the
/// subscription off. Only today's post in the channel's zone is ever due, so missed days are skipped. With
/// <paramref name="workspaces"/>, a channel's rotation includes its workspace's own terms.
/// </summary>
public sealed class DailyService(IDailyStore store, TermGlossary glossary, IEnumerable<IDailyPublisher> publishers, TimeProvider clock,
    ILogger<DailyService> log, WorkspaceGlossaries? workspaces = null)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(ChannelKey Channel, DateOnly Date), PostedDay> _unrecorded = new();

    /// <summary>Identifies this replica's claims.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>
    /// Posts every post that is due and unclaimed; returns how many this replica made. Once
    /// <paramref name="stopStarting"/> fires no further post is begun (a shutdown), while the one in progress
    /// finishes unless <paramref name="cancellationToken"/> fires too.
    /// </summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken, CancellationToken stopStarting = default)
    {
        await RecordPendingAsync(cancellationToken);
        var posted = 0;
        foreach (var subscription in await store.EnabledAsync(cancellationToken))
        {
            if (stopStarting.IsCancellationRequested)
                break;
            if (subscription.Schedule.DueDate(clock.GetUtcNow()) is { } date && await DeliverAsync(subscription, date, cancellationToken) is not null)
                posted++;
        }
        return posted;
    }

    /// <summary>Handles <c>daily …</c> typed in a channel; with the store down, says so instead of failing.</summary>
    public async Task<Reply> HandleAsync(ChatRequest request, DailyCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleCoreAsync(request, command, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            log.DailyStoreUnavailable(ex.Message);
            return new Reply.Notice("The term-of-the-day settings cannot be reached right now. Try again in a minute; definitions still work.");
        }
    }

    private async Task<Reply> HandleCoreAsync(ChatRequest request, DailyCommand command, CancellationToken cancellationToken)
    {
        if (request.Platform is not (Platform.Slack or Platform.Teams) || request.Place.ChannelId.Length == 0)
            return new Reply.Notice("The term of the day is for Slack and Teams channels: type “daily on” in the channel that should get it.");
        var channel = new ChannelKey(request.Platform, request.Place.WorkspaceOrTenantId, request.Place.ChannelId);
        var now = clock.GetUtcNow();
        var existing = await store.FindAsync(channel, cancellationToken);

        switch (command)
        {
            case DailyCommand.Invalid invalid:
                return new Reply.Notice(invalid.Error);
            case DailyCommand.TurnOn on:
                var (zone, whyZone) = ZoneFor(on, request.User, existing);
                var schedule = new DailySchedule(on.At ?? existing?.Schedule.At ?? DailySchedule.DefaultTime,
                    zone, on.WeekdaysOnly ?? existing?.Schedule.WeekdaysOnly ?? true);
                await store.SaveAsync(new DailySubscription(channel, schedule, true, existing?.Seed ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
                    request.User.Id, now), cancellationToken);
                if (log.IsEnabled(LogLevel.Information))
                    log.DailyChanged(channel.Id, "on " + schedule.Describe());
                return new Reply.Notice($"Term of the day is on for this channel, set by {Reply.Notice.UserSlot}: {schedule.Describe()}{whyZone}. Next post: {Local(schedule, schedule.Next(now))}.", request.User);
            case DailyCommand.TurnOff:
                if (existing is not { Enabled: true })
                    return new Reply.Notice("The term of the day is not on in this channel.");
                await store.DisableAsync(channel, $"turned off by {request.User.Id}", now, cancellationToken);
                log.DailyChanged(channel.Id, "off");
                return new Reply.Notice($"Term of the day is off for this channel, turned off by {Reply.Notice.UserSlot}.", request.User);
            case DailyCommand.Now:
                if (existing is not { Enabled: true })
                    return new Reply.Notice("Turn the term of the day on first: daily on [HH:MM] [time zone].");
                var today = existing.Schedule.LocalDate(now);
                return await DeliverAsync(existing, today, cancellationToken) is { } slug
                    ? new Reply.Notice($"Posted today's term: {(await ScopeAsync(channel, cancellationToken)).Find(slug)?.Name ?? slug}. It counts as today's post.")
                    : new Reply.Notice("Today's term has already been posted here (or is being posted right now).");
            default:
                if (existing is null)
                    return new Reply.Notice($"The term of the day is not set up here. {DailyCommand.Usage}");
                if (!existing.Enabled)
                    return new Reply.Notice($"The term of the day is off here ({existing.DisabledReason}). Turn it on with daily on.");
                return new Reply.Notice($"Term of the day: {existing.Schedule.Describe()}. Next post: {Local(existing.Schedule, existing.Schedule.Next(now))}.");
        }
    }

    /// <summary>
    /// The zone of a <c>daily on</c>, and the words saying where it came from: the one typed wins; else the zone of the
    /// person who typed it, as their platform gives it; else the channel's current one; else UTC, saying how to choose.
    /// </summary>
    private static (string Zone, string Why) ZoneFor(DailyCommand.TurnOn on, ChatUser user, DailySubscription? existing)
    {
        if (on.TimeZone is { } typed)
            return (typed, "");
        if (user.TimeZone is { } own && IanaZones.TryCanonical(own, out var canonical))
            return (canonical, " (your time zone)");
        if (existing is not null)
            return (existing.Schedule.TimeZone, " (the channel's time zone)");
        return ("UTC", " (no time zone given and none known for you, so UTC: add one to choose, e.g. daily on 09:00 Europe/London)");
    }

    /// <summary>Claims and posts one day's term; the slug posted, or null when another replica has it or it failed.</summary>
    private async Task<string?> DeliverAsync(DailySubscription subscription, DateOnly date, CancellationToken cancellationToken)
    {
        var channel = subscription.Channel;
        var now = clock.GetUtcNow();
        if (_unrecorded.ContainsKey((channel, date)))
            return null;
        if (await store.TryClaimAsync(channel, date, Owner, now, now + Lease, cancellationToken) != DailyClaim.Claimed)
            return null;

        var scope = await ScopeAsync(channel, cancellationToken);
        var shown = await store.ShownAsync(channel, cancellationToken);
        var (term, newRound) = DailyRotation.Next(scope.Terms, subscription.Seed, shown);
        if (newRound)
            await store.ResetShownAsync(channel, cancellationToken);
        var related = scope.RelatedOf(term).Select(TermRef.Of).ToList();
        var card = new Reply.TermCard(term, related, Heading: "Term of the day", Origin: scope.Origin(term));

        try
        {
            var publisher = publishers.FirstOrDefault(p => p.Platform == channel.Platform)
                ?? throw new DailyPublishException($"{channel.Platform} is not configured on this host", permanent: false);
            await publisher.PublishAsync(channel, card, cancellationToken);
        }
        catch (DailyPublishException ex) when (ex.Permanent)
        {
            log.DailyDisabled(channel.Id, ex.Message);
            await store.DisableAsync(channel, ex.Message, clock.GetUtcNow(), cancellationToken);
            return null;
        }
        catch (DailyPublishException ex)
        {
            await store.DeferAsync(channel, date, Owner, clock.GetUtcNow(), Backoff(), cancellationToken);
            log.DailyRetry(ex, channel.Id, date.ToString("O"));
            return null;
        }
        if (log.IsEnabled(LogLevel.Information))
            log.DailyPosted(channel.Id, date.ToString("O"), term.Slug);
        var posted = new PostedDay(channel, date, term.Slug, clock.GetUtcNow());
        try
        {
            // Not the caller's token: once the post is out, recording it must not be cut short by a shutdown.
            await store.MarkPostedAsync(channel, date, Owner, term.Slug, posted.At, CancellationToken.None);
        }
        catch (StoreUnavailableException)
        {
            // Out in the channel but not in the store: keep it here, so this replica neither posts it again nor
            // forgets it, and record it as soon as the store answers (within the claim's lease, usually).
            _unrecorded[(channel, date)] = posted;
            log.DailyUnrecorded(channel.Id, date.ToString("O"));
        }
        return term.Slug;
    }

    /// <summary>Records the posts that went out while the store could not take them.</summary>
    private async Task RecordPendingAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, posted) in _unrecorded)
        {
            await store.MarkPostedAsync(posted.Channel, posted.Date, Owner, posted.Slug, posted.At, cancellationToken);
            _unrecorded.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// The terms a channel's rotation draws from: the corpus and its workspace's own terms (none of another workspace's);
    /// the corpus alone while those cannot be read.
    /// </summary>
    private async Task<GlossaryScope> ScopeAsync(ChannelKey channel, CancellationToken cancellationToken) => workspaces is null
        ? new GlossaryScope(glossary)
        : await workspaces.ScopeAsync(glossary, new WorkspaceKey(channel.Platform, channel.TeamId), cancellationToken);

    /// <summary>The retry delays of a failed post, jittered so replicas do not retry in step (the weekly digest's too).</summary>
    internal static RetryBackoff Backoff() => new(FirstRetry, LongestRetry, 0.8 + Random.Shared.NextDouble() * 0.4);

    private static string Local(DailySchedule schedule, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, schedule.Zone).ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + schedule.TimeZone;
}
