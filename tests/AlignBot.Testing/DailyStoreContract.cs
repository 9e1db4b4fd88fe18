using Xunit;
using AlignBot.Chat;
using AlignBot.Chat.Daily;

namespace AlignBot.Testing;

/// <summary>
/// The contract every <see cref="IDailyStore"/> keeps: the SQLite and PostgreSQL stores (through the store contract) and
/// the in-memory one the core's tests use. Each test uses its own channel ids, so the PostgreSQL run can share one database.
/// </summary>
public abstract class DailyStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    protected static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>A short id unique to this test, for its team and channel ids.</summary>
    protected string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    protected abstract IDailyStore Daily { get; }

    private ChannelKey Channel(string name = "C1") => new(Platform.Slack, "T-" + Run, name);

    private DailySubscription Subscription(ChannelKey channel) =>
        new(channel, new DailySchedule(new TimeOnly(7, 45), "Europe/Paris", true), true, "seed", "U1", Now);

    [SkippableFact]
    public async Task Subscription_round_trips_lists_and_disables()
    {
        var channel = Channel();
        await Daily.SaveAsync(Subscription(channel));

        Assert.Equal(Subscription(channel), await Daily.FindAsync(channel));
        Assert.Contains(await Daily.EnabledAsync(), s => s.Channel == channel);

        await Daily.DisableAsync(channel, "channel_not_found", Now.AddDays(1));

        var disabled = await Daily.FindAsync(channel);
        Assert.Equal((false, "channel_not_found"), (disabled!.Enabled, disabled.DisabledReason));
        Assert.DoesNotContain(await Daily.EnabledAsync(), s => s.Channel == channel);
    }

    [SkippableFact]
    public async Task Day_is_claimed_by_one_owner_and_taken_over_only_after_the_lease()
    {
        var channel = Channel();

        Assert.Equal(DailyClaim.Claimed, await Daily.TryClaimAsync(channel, Today, "a", Now, Now.AddMinutes(2)));
        Assert.Equal(DailyClaim.HeldElsewhere, await Daily.TryClaimAsync(channel, Today, "b", Now.AddMinutes(1), Now.AddMinutes(3)));
        Assert.Equal(DailyClaim.Claimed, await Daily.TryClaimAsync(channel, Today, "b", Now.AddMinutes(2), Now.AddMinutes(4)));

        await Daily.MarkPostedAsync(channel, Today, "a", "rlhf", Now.AddMinutes(2));   // the old owner's late write does nothing
        Assert.Empty(await Daily.ShownAsync(channel));
        await Daily.MarkPostedAsync(channel, Today, "b", "dpo", Now.AddMinutes(2));

        Assert.Equal(DailyClaim.AlreadyPosted, await Daily.TryClaimAsync(channel, Today, "c", Now.AddDays(0.5), Now.AddDays(0.6)));
        Assert.Equal(["dpo"], await Daily.ShownAsync(channel));
        Assert.Equal(DailyClaim.Claimed, await Daily.TryClaimAsync(channel, Today.AddDays(1), "c", Now.AddDays(1), Now.AddDays(1.1)));
    }

    [SkippableFact]
    public async Task Concurrent_claims_of_one_day_go_to_exactly_one_owner()
    {
        var channel = Channel("race");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Daily.TryClaimAsync(channel, Today, "owner-" + i, Now, Now.AddMinutes(2)))));

        Assert.Single(results, r => r == DailyClaim.Claimed);
    }

    [SkippableFact]
    public async Task Deferred_claim_counts_attempts_and_frees_at_the_retry_time()
    {
        var channel = Channel();
        await Daily.TryClaimAsync(channel, Today, "a", Now, Now.AddMinutes(2));
        var seen = new List<int>();
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30), Jitter: 1);

        seen.Add(await Daily.DeferAsync(channel, Today, "a", Now, backoff));                            // 30 s after Now
        await Daily.TryClaimAsync(channel, Today, "a", Now.AddSeconds(31), Now.AddMinutes(3));
        seen.Add(await Daily.DeferAsync(channel, Today, "a", Now.AddMinutes(4), backoff));              // 1 min after 4 min: Now + 5 min

        Assert.Equal([1, 2], seen);
        Assert.Equal(DailyClaim.HeldElsewhere, await Daily.TryClaimAsync(channel, Today, "b", Now.AddMinutes(4), Now.AddMinutes(6)));
        Assert.Equal(DailyClaim.Claimed, await Daily.TryClaimAsync(channel, Today, "b", Now.AddMinutes(5), Now.AddMinutes(7)));
    }

    [SkippableFact]
    public async Task Shown_terms_accumulate_and_reset()
    {
        var channel = Channel();
        foreach (var (day, slug) in new[] { (0, "rlhf"), (1, "dpo"), (2, "rlhf") })
        {
            await Daily.TryClaimAsync(channel, Today.AddDays(day), "a", Now.AddDays(day), Now.AddDays(day).AddMinutes(2));
            await Daily.MarkPostedAsync(channel, Today.AddDays(day), "a", slug, Now.AddDays(day));
        }

        Assert.Equal(["dpo", "rlhf"], (await Daily.ShownAsync(channel)).Order());
        await Daily.ResetShownAsync(channel);
        Assert.Empty(await Daily.ShownAsync(channel));
    }
}
