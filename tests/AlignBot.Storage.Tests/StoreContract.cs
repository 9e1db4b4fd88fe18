using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage.Tests;

/// <summary>
/// The contract every store keeps, run against SQLite and PostgreSQL alike. Each test uses its own channel and team
/// ids, so the PostgreSQL run can share one database.
/// </summary>
public abstract class StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The key the contract's stores encrypt bot tokens with.</summary>
    protected static readonly TokenCipher Tokens = new(Enumerable.Range(1, TokenCipher.KeyBytes).Select(i => (byte)i).ToArray());

    protected abstract SqlStore Store { get; }

    /// <summary>The bot_token column as stored, read past the store.</summary>
    protected abstract Task<string?> StoredTokenAsync(string teamId);

    private ChannelKey Channel(string name = "C1") => new(Platform.Slack, "T-" + _run, name);

    private DailySubscription Subscription(ChannelKey channel) =>
        new(channel, new DailySchedule(new TimeOnly(7, 45), "Europe/Paris", true), true, "seed", "U1", Now);

    [SkippableFact]
    public async Task Bot_token_is_encrypted_at_rest_and_read_back_as_given()
    {
        var team = "T-" + _run;
        const string token = "xoxb-1234-5678-secretsecretsecret";

        await Store.SaveAsync(new WorkspaceInstallation(team, null, "Team", token, "UBOT", "commands", "U1", Now));
        var stored = await StoredTokenAsync(team);

        Assert.True(Store.EncryptsTokens);
        Assert.StartsWith("enc:v1:", stored);
        Assert.DoesNotContain("secret", stored);
        Assert.Equal(token, (await Store.FindAsync(team))!.BotToken);
    }

    [SkippableFact]
    public async Task Installation_round_trips_replaces_and_deletes()
    {
        var team = "T-" + _run;
        var installation = new WorkspaceInstallation(team, "E1", "Team", "xoxb-1", "UBOT", "commands,chat:write", "U1", Now);

        await Store.SaveAsync(installation);
        await Store.SaveAsync(installation with { BotToken = "xoxb-2", EnterpriseId = null });

        Assert.Equal(installation with { BotToken = "xoxb-2", EnterpriseId = null }, await Store.FindAsync(team));
        Assert.True(await Store.DeleteAsync(team));
        Assert.False(await Store.DeleteAsync(team));
        Assert.Null(await Store.FindAsync(team));
    }

    [SkippableFact]
    public async Task Event_key_is_claimed_once_until_it_expires()
    {
        var key = "slack:Ev-" + _run;

        Assert.True(await Store.TryClaimAsync(key, Now, TimeSpan.FromHours(1)));
        Assert.False(await Store.TryClaimAsync(key, Now.AddMinutes(5), TimeSpan.FromHours(1)));
        Assert.True(await Store.TryClaimAsync(key, Now.AddHours(2), TimeSpan.FromHours(1)));
    }

    [SkippableFact]
    public async Task Released_event_key_can_be_claimed_again_and_others_stay_claimed()
    {
        var (key, other) = ("slack:Ev-release-" + _run, "slack:Ev-kept-" + _run);
        Assert.True(await Store.TryClaimAsync(key, Now, TimeSpan.FromHours(1)));
        Assert.True(await Store.TryClaimAsync(other, Now, TimeSpan.FromHours(1)));

        await Store.ReleaseAsync(key);

        Assert.True(await Store.TryClaimAsync(key, Now.AddSeconds(1), TimeSpan.FromHours(1)));
        Assert.False(await Store.TryClaimAsync(other, Now.AddSeconds(1), TimeSpan.FromHours(1)));
    }

    [SkippableFact]
    public async Task Event_key_claimed_concurrently_goes_to_exactly_one()
    {
        var key = "slack:Ev-race-" + _run;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.TryClaimAsync(key, Now, TimeSpan.FromHours(1)))));

        Assert.Single(results, r => r);
    }

    [SkippableFact]
    public async Task Conversation_reference_round_trips_and_deletes()
    {
        IConversationReferenceStore store = Store;
        var reference = new ConversationReference("19:" + _run + "@thread.tacv2", "https://smba.trafficmanager.net/emea/", "msteams", "28:bot", "tenant", "team", "channel", Now);

        await store.SaveAsync(reference);

        Assert.Equal(reference, await store.FindAsync(reference.ConversationId));
        Assert.True(await store.DeleteAsync(reference.ConversationId));
        Assert.Null(await store.FindAsync(reference.ConversationId));
    }

    [SkippableFact]
    public async Task Subscription_round_trips_lists_and_disables()
    {
        var channel = Channel();
        await Store.SaveAsync(Subscription(channel));

        Assert.Equal(Subscription(channel), await Store.FindAsync(channel));
        Assert.Contains(await Store.EnabledAsync(), s => s.Channel == channel);

        await Store.DisableAsync(channel, "channel_not_found", Now.AddDays(1));

        var disabled = await Store.FindAsync(channel);
        Assert.Equal((false, "channel_not_found"), (disabled!.Enabled, disabled.DisabledReason));
        Assert.DoesNotContain(await Store.EnabledAsync(), s => s.Channel == channel);
    }

    [SkippableFact]
    public async Task Day_is_claimed_by_one_owner_and_taken_over_only_after_the_lease()
    {
        var channel = Channel();

        Assert.Equal(DailyClaim.Claimed, await Store.TryClaimAsync(channel, Today, "a", Now, Now.AddMinutes(2)));
        Assert.Equal(DailyClaim.HeldElsewhere, await Store.TryClaimAsync(channel, Today, "b", Now.AddMinutes(1), Now.AddMinutes(3)));
        Assert.Equal(DailyClaim.Claimed, await Store.TryClaimAsync(channel, Today, "b", Now.AddMinutes(2), Now.AddMinutes(4)));

        await Store.MarkPostedAsync(channel, Today, "a", "rlhf", Now.AddMinutes(2));   // the old owner's late write does nothing
        Assert.Empty(await Store.ShownAsync(channel));
        await Store.MarkPostedAsync(channel, Today, "b", "dpo", Now.AddMinutes(2));

        Assert.Equal(DailyClaim.AlreadyPosted, await Store.TryClaimAsync(channel, Today, "c", Now.AddDays(0.5), Now.AddDays(0.6)));
        Assert.Equal(["dpo"], await Store.ShownAsync(channel));
        Assert.Equal(DailyClaim.Claimed, await Store.TryClaimAsync(channel, Today.AddDays(1), "c", Now.AddDays(1), Now.AddDays(1.1)));
    }

    [SkippableFact]
    public async Task Concurrent_claims_of_one_day_go_to_exactly_one_owner()
    {
        var channel = Channel("race");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.TryClaimAsync(channel, Today, "owner-" + i, Now, Now.AddMinutes(2)))));

        Assert.Single(results, r => r == DailyClaim.Claimed);
    }

    [SkippableFact]
    public async Task Deferred_claim_counts_attempts_and_frees_at_the_retry_time()
    {
        var channel = Channel();
        await Store.TryClaimAsync(channel, Today, "a", Now, Now.AddMinutes(2));
        var seen = new List<int>();

        await Store.DeferAsync(channel, Today, "a", attempts => { seen.Add(attempts); return Now.AddSeconds(30); });
        await Store.TryClaimAsync(channel, Today, "a", Now.AddSeconds(31), Now.AddMinutes(3));
        await Store.DeferAsync(channel, Today, "a", attempts => { seen.Add(attempts); return Now.AddMinutes(5); });

        Assert.Equal([1, 2], seen);
        Assert.Equal(DailyClaim.HeldElsewhere, await Store.TryClaimAsync(channel, Today, "b", Now.AddMinutes(4), Now.AddMinutes(6)));
        Assert.Equal(DailyClaim.Claimed, await Store.TryClaimAsync(channel, Today, "b", Now.AddMinutes(5), Now.AddMinutes(7)));
    }

    [SkippableFact]
    public async Task Shown_terms_accumulate_and_reset()
    {
        var channel = Channel();
        foreach (var (day, slug) in new[] { (0, "rlhf"), (1, "dpo"), (2, "rlhf") })
        {
            await Store.TryClaimAsync(channel, Today.AddDays(day), "a", Now.AddDays(day), Now.AddDays(day).AddMinutes(2));
            await Store.MarkPostedAsync(channel, Today.AddDays(day), "a", slug, Now.AddDays(day));
        }

        Assert.Equal(["dpo", "rlhf"], (await Store.ShownAsync(channel)).Order());
        await Store.ResetShownAsync(channel);
        Assert.Empty(await Store.ShownAsync(channel));
    }
}
