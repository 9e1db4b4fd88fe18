using AlignBot.Chat.Daily;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Tests.Living;
using AlignBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AlignBot.Chat.Tests.Daily;

public sealed class DailyServiceTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    private static readonly ChannelKey C1 = new(Platform.Slack, "T1", "C1");
    private static readonly ChannelKey C2 = new(Platform.Slack, "T1", "C2");

    // Monday 23 Nov 2026, 08:59 UTC.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero));
    private readonly InMemoryDailyStore _store = new();
    private readonly RecordingPublisher _publisher = new();

    /// <summary>The notice's text with its user written as a Slack mention, as the Slack renderer does.</summary>
    private static string AsSlackWrites(Reply.Notice notice) => notice.Format(text => text, user => $"<@{user.Id}>");

    private DailyService Replica() => new(_store, real.Glossary, [_publisher], _clock, NullLogger<DailyService>.Instance);

    private async Task Subscribe(ChannelKey channel, int hour = 9, string zone = "UTC", bool weekdays = true, string? seed = null) =>
        await _store.SaveAsync(new DailySubscription(channel, new DailySchedule(new TimeOnly(hour, 0), zone, weekdays), true, seed ?? channel.Id, "U1", _clock.GetUtcNow()));

    [Fact]
    public async Task Posts_once_per_channel_per_day_even_when_run_twice_or_by_two_replicas()
    {
        await Subscribe(C1);
        var (a, b) = (Replica(), Replica());

        Assert.Equal(0, await a.RunDueAsync(default));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var results = await Task.WhenAll(a.RunDueAsync(default), b.RunDueAsync(default), a.RunDueAsync(default));

        Assert.Equal(1, results.Sum());
        var post = Assert.Single(_publisher.Posts);
        Assert.Equal("Term of the day", post.Card.Heading);
        Assert.NotEmpty(post.Card.Related);
    }

    [Fact]
    public async Task The_publisher_is_called_exactly_once_for_a_due_post_and_not_again_on_the_next_tick()
    {
        await Subscribe(C1);
        var publisher = new Mock<IDailyPublisher>(MockBehavior.Strict);
        publisher.SetupGet(p => p.Platform).Returns(Platform.Slack);
        publisher.Setup(p => p.PublishAsync(C1, It.IsAny<Reply>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var service = new DailyService(_store, real.Glossary, [publisher.Object], _clock, NullLogger<DailyService>.Instance);

        Assert.Equal(0, await service.RunDueAsync(default));   // 08:59: not due yet
        publisher.Verify(p => p.PublishAsync(It.IsAny<ChannelKey>(), It.IsAny<Reply>(), It.IsAny<CancellationToken>()), Times.Never);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await service.RunDueAsync(default));   // 09:00: due
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await service.RunDueAsync(default));   // the next tick: already posted today

        publisher.Verify(p => p.PublishAsync(C1, It.Is<Reply>(r => r is Reply.TermCard), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task With_the_workspace_terms_unreadable_the_post_goes_out_from_the_corpus_with_one_log_line()
    {
        await Subscribe(C1);
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var service = new DailyService(_store, real.Glossary, [_publisher], _clock, NullLogger<DailyService>.Instance,
            new WorkspaceGlossaries(new UnreachableTermStore(), loggers.CreateLogger<WorkspaceGlossaries>()));

        Assert.Equal(1, await service.RunDueAsync(default));

        var post = Assert.Single(_publisher.Posts);
        Assert.NotNull(real.Glossary.Find(post.Card.Term.Slug));
        Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Living glossary unavailable"));
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_replica_is_taken_over_after_the_lease()
    {
        await Subscribe(C1);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var date = new DateOnly(2026, 11, 23);
        Assert.Equal(DailyClaim.Claimed, await _store.TryClaimAsync(C1, date, "crashed-replica", _clock.GetUtcNow(), _clock.GetUtcNow() + DailyService.Lease));
        var survivor = Replica();

        Assert.Equal(0, await survivor.RunDueAsync(default));
        _clock.Advance(DailyService.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await survivor.RunDueAsync(default));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await survivor.RunDueAsync(default));

        Assert.Single(_publisher.Posts);
        Assert.Equal(0, await survivor.RunDueAsync(default));
    }

    [Fact]
    public async Task Missed_days_are_skipped_and_today_is_posted_once_after_downtime()
    {
        await Subscribe(C1, weekdays: false);
        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(3));   // down from Monday 08:59 to Wednesday 11:59

        var service = Replica();
        Assert.Equal(1, await service.RunDueAsync(default));
        Assert.Equal(0, await service.RunDueAsync(default));

        var posted = Assert.Single(_store.Posted);
        Assert.Equal(new DateOnly(2026, 11, 25), posted.Date);
    }

    [Fact]
    public async Task Rotation_shows_every_term_once_before_any_repeats()
    {
        await Subscribe(C1, weekdays: false);
        var service = Replica();
        var count = real.Glossary.Count;

        _clock.Advance(TimeSpan.FromMinutes(2));
        for (var day = 0; day <= count; day++)
        {
            Assert.Equal(1, await service.RunDueAsync(default));
            _clock.Advance(TimeSpan.FromDays(1));
        }

        var slugs = _publisher.Posts.Select(p => p.Card.Term.Slug).ToList();
        Assert.Equal(count, slugs.Take(count).Distinct().Count());
        Assert.Equal(slugs[0], slugs[count]);   // a new round starts in the same order
    }

    [Fact]
    public async Task Different_channels_get_different_orders_that_survive_a_restart()
    {
        await Subscribe(C1, weekdays: false, seed: "seed-one");
        await Subscribe(C2, weekdays: false, seed: "seed-two");
        _clock.Advance(TimeSpan.FromMinutes(2));
        for (var day = 0; day < 5; day++)
        {
            await Replica().RunDueAsync(default);   // a new service each day: a restart
            _clock.Advance(TimeSpan.FromDays(1));
        }

        var first = _publisher.Posts.Where(p => p.Channel == C1).Select(p => p.Card.Term.Slug).ToList();
        var second = _publisher.Posts.Where(p => p.Channel == C2).Select(p => p.Card.Term.Slug).ToList();
        Assert.Equal(5, first.Distinct().Count());
        Assert.NotEqual(first, second);
        Assert.Equal(first, DailyRotationOrder("seed-one", 5));
    }

    private List<string> DailyRotationOrder(string seed, int n)
    {
        var shown = new HashSet<string>();
        for (var i = 0; i < n; i++)
            shown.Add(DailyRotation.Next(real.Glossary.Terms, seed, shown).Term.Slug);
        return [.. shown];
    }

    [Fact]
    public async Task New_terms_join_the_rotation_and_removed_ones_leave_it()
    {
        var terms = real.Glossary.Terms.ToList();
        var shown = terms.Skip(1).Select(t => t.Slug).ToHashSet();

        Assert.Equal(terms[0].Slug, DailyRotation.Next(terms, "s", shown).Term.Slug);                  // the one not yet shown
        Assert.True(DailyRotation.Next(terms.Skip(1).ToList(), "s", shown).NewRound);                   // it was removed: round complete
        var added = terms[0] with { Slug = "brand-new-term" };
        Assert.Equal("brand-new-term", DailyRotation.Next([.. terms.Skip(1), added], "s", shown).Term.Slug);
    }

    [Fact]
    public async Task Transient_failure_is_retried_with_backoff_and_posts_once()
    {
        await Subscribe(C1);
        _publisher.Failures.Enqueue(new DailyPublishException("ratelimited", permanent: false));
        _publisher.Failures.Enqueue(new DailyPublishException("http_503", permanent: false));
        var service = Replica();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, await service.RunDueAsync(default));       // first failure: retry in ~30 s
        Assert.Equal(0, await service.RunDueAsync(default));       // still waiting
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, await service.RunDueAsync(default));       // second failure: retry in ~60 s
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, await service.RunDueAsync(default));       // backoff grew: not yet
        _clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(1, await service.RunDueAsync(default));

        Assert.Single(_publisher.Posts);
    }

    [Fact]
    public async Task Permanent_failure_turns_the_subscription_off_with_the_reason()
    {
        await Subscribe(C1);
        _publisher.Failures.Enqueue(new DailyPublishException("Slack chat.postMessage: channel_not_found", permanent: true));
        _clock.Advance(TimeSpan.FromMinutes(1));

        await Replica().RunDueAsync(default);

        var subscription = await _store.FindAsync(C1);
        Assert.False(subscription!.Enabled);
        Assert.Contains("channel_not_found", subscription.DisabledReason);
        Assert.Empty(await _store.EnabledAsync());
    }

    [Fact]
    public async Task Daily_on_with_time_zone_and_days_says_who_and_when()
    {
        var bot = new Bot(real.Glossary, daily: Replica());
        var request = new ChatRequest(Platform.Slack, "daily on 07:30 Europe/Paris every day", new ChatUser("U42"), new ChatPlace("T1", "C9"));

        var notice = Assert.IsType<Reply.Notice>(await bot.RunAsync(request));

        Assert.Contains("<@U42>", AsSlackWrites(notice));
        Assert.Contains("07:30 Europe/Paris, every day", notice.Text);
        Assert.Contains("Next post: Tue 24 Nov 2026, 07:30 Europe/Paris", notice.Text);   // 09:59 in Paris now: tomorrow
        var saved = await _store.FindAsync(new ChannelKey(Platform.Slack, "T1", "C9"));
        Assert.Equal((new TimeOnly(7, 30), "Europe/Paris", false, "U42"), (saved!.Schedule.At, saved.Schedule.TimeZone, saved.Schedule.WeekdaysOnly, saved.ChangedBy));
    }

    [Theory]
    [InlineData("daily on 25:00", "is not a time of day")]
    [InlineData("daily on 9am", "is not a time of day")]
    [InlineData("daily on Mars/Olympus", "is not a time zone")]
    [InlineData("daily sometimes", "I don't know")]
    public async Task Bad_time_or_zone_gets_a_clear_error(string text, string expected)
    {
        var bot = new Bot(real.Glossary, daily: Replica());

        var notice = Assert.IsType<Reply.Notice>(await bot.RunAsync(new ChatRequest(Platform.Slack, text, new ChatUser("U1"), new ChatPlace("T1", "C1"))));

        Assert.Contains(expected, notice.Text);
        Assert.Null(await _store.FindAsync(C1));
    }

    [Theory]
    [InlineData("daily on 08:00", "Asia/Tokyo", "08:00 Asia/Tokyo, weekdays (your time zone)")]
    [InlineData("daily on 08:00 America/Chicago", "Asia/Tokyo", "08:00 America/Chicago, weekdays. Next post")]
    [InlineData("daily on 08:00", null, "08:00 UTC, weekdays (no time zone given and none known for you, so UTC")]
    [InlineData("daily on 08:00", "Mars/Olympus_Mons", "08:00 UTC, weekdays (no time zone given and none known for you, so UTC")]
    public async Task Daily_on_takes_the_typed_zone_else_the_persons_own_else_utc_and_says_which(string text, string? ownZone, string expected)
    {
        var bot = new Bot(real.Glossary, daily: Replica());

        var on = await bot.RunAsync(new ChatRequest(Platform.Slack, text, new ChatUser("U7", TimeZone: ownZone), new ChatPlace("T1", "C1")));

        Assert.Contains(expected, Assert.IsType<Reply.Notice>(on).Text);
    }

    [Fact]
    public async Task Daily_on_without_a_zone_from_someone_without_one_keeps_the_channels_zone()
    {
        var bot = new Bot(real.Glossary, daily: Replica());
        await bot.RunAsync(new ChatRequest(Platform.Slack, "daily on Europe/Paris", new ChatUser("U7"), new ChatPlace("T1", "C1")));

        var on = await bot.RunAsync(new ChatRequest(Platform.Slack, "daily on 10:00", new ChatUser("U8"), new ChatPlace("T1", "C1")));

        Assert.Contains("10:00 Europe/Paris, weekdays (the channel's time zone)", Assert.IsType<Reply.Notice>(on).Text);
    }

    [Fact]
    public async Task Defaults_status_now_and_off()
    {
        var bot = new Bot(real.Glossary, daily: Replica());
        ChatRequest Say(string text) => new(Platform.Slack, text, new ChatUser("U7"), new ChatPlace("T1", "C1"));

        var on = Assert.IsType<Reply.Notice>(await bot.RunAsync(Say("daily on")));
        Assert.Contains("09:00 UTC, weekdays", on.Text);
        Assert.Contains("Next post: Mon 23 Nov 2026, 09:00 UTC", Assert.IsType<Reply.Notice>(await bot.RunAsync(Say("daily status"))).Text);

        var now = Assert.IsType<Reply.Notice>(await bot.RunAsync(Say("daily now")));
        Assert.Contains("Posted today's term", now.Text);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await Replica().RunDueAsync(default));          // daily now counted as today's post
        Assert.Contains("already been posted", Assert.IsType<Reply.Notice>(await bot.RunAsync(Say("daily now"))).Text);

        Assert.Contains("turned off by <@U7>", AsSlackWrites(Assert.IsType<Reply.Notice>(await bot.RunAsync(Say("daily off")))));
        Assert.Empty(await _store.EnabledAsync());
        Assert.Single(_publisher.Posts);
    }

    [Fact]
    public async Task Daily_outside_a_channel_platform_explains_itself()
    {
        var bot = new Bot(real.Glossary, daily: Replica());

        var notice = Assert.IsType<Reply.Notice>(await bot.RunAsync(ChatRequest.Local("daily on")));

        Assert.Contains("Slack and Teams channels", notice.Text);
    }

    [Fact]
    public async Task Store_lost_right_after_a_post_neither_repeats_the_post_nor_forgets_it()
    {
        await Subscribe(C1);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var service = Replica();
        _publisher.AfterPost = () => _store.Down = true;   // the post goes out, then the store stops answering

        Assert.Equal(1, await service.RunDueAsync(default));
        Assert.Empty(_store.Posted);

        _publisher.AfterPost = null;
        _clock.Advance(DailyService.Lease + TimeSpan.FromMinutes(1));   // down for longer than the claim's lease
        await Assert.ThrowsAsync<StoreUnavailableException>(() => service.RunDueAsync(default));
        _store.Down = false;
        Assert.Equal(0, await service.RunDueAsync(default));

        Assert.Single(_publisher.Posts);
        var recorded = Assert.Single(_store.Posted);
        Assert.Equal(_publisher.Posts[0].Card.Term.Slug, recorded.Slug);
    }

    [Fact]
    public async Task Daily_command_while_the_store_is_down_says_so_and_changes_nothing()
    {
        var service = Replica();
        _store.Down = true;
        var request = new ChatRequest(Platform.Slack, "daily on 09:30", new ChatUser("U1"), new ChatPlace("T1", "C1"));

        var reply = await service.HandleAsync(request, DailyCommand.Parse("on 09:30"), default);

        Assert.Contains("cannot be reached right now", Assert.IsType<Reply.Notice>(reply).Text);
        _store.Down = false;
        Assert.Null(await _store.FindAsync(C1));
    }
}
