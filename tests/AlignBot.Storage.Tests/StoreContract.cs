using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage.Tests;

/// <summary>
/// The contract every SQL store keeps (with the living glossary's, <see cref="LivingGlossaryContract"/>, and the daily store's, <see cref="DailyStoreContract"/>), run against SQLite and
/// PostgreSQL alike. Each test uses its own channel and team
/// ids, so the PostgreSQL run can share one database.
/// </summary>
public abstract class StoreContract : LivingGlossaryContract
{
    /// <summary>The key the contract's stores encrypt bot tokens with.</summary>
    protected static readonly TokenCipher Tokens = new(Enumerable.Range(1, TokenCipher.KeyBytes).Select(i => (byte)i).ToArray());

    /// <summary>The bot_token column as stored, read past the store.</summary>
    protected abstract Task<string?> StoredTokenAsync(string teamId);

    [SkippableFact]
    public async Task Bot_token_is_encrypted_at_rest_and_read_back_as_given()
    {
        var team = "T-" + Run;
        const string token = "xoxb-1234-5678-secretsecretsecret";

        await Store.Installations.SaveAsync(new WorkspaceInstallation(team, null, "Team", token, "UBOT", "commands", "U1", Now));
        var stored = await StoredTokenAsync(team);

        Assert.True(Store.EncryptsTokens);
        Assert.StartsWith("enc:v1:", stored);
        Assert.DoesNotContain("secret", stored);
        Assert.Equal(token, (await Store.Installations.FindAsync(team))!.BotToken);
    }

    [SkippableFact]
    public async Task Installation_round_trips_replaces_and_deletes()
    {
        var team = "T-" + Run;
        var installation = new WorkspaceInstallation(team, "E1", "Team", "xoxb-1", "UBOT", "commands,chat:write", "U1", Now);

        await Store.Installations.SaveAsync(installation);
        await Store.Installations.SaveAsync(installation with { BotToken = "xoxb-2", EnterpriseId = null });

        Assert.Equal(installation with { BotToken = "xoxb-2", EnterpriseId = null }, await Store.Installations.FindAsync(team));
        Assert.True(await Store.Installations.DeleteAsync(team));
        Assert.False(await Store.Installations.DeleteAsync(team));
        Assert.Null(await Store.Installations.FindAsync(team));
    }

    [SkippableFact]
    public async Task Event_key_is_claimed_once_until_it_expires()
    {
        var key = "slack:Ev-" + Run;

        Assert.True(await Store.Events.TryClaimAsync(key, Now, TimeSpan.FromHours(1)));
        Assert.False(await Store.Events.TryClaimAsync(key, Now.AddMinutes(5), TimeSpan.FromHours(1)));
        Assert.True(await Store.Events.TryClaimAsync(key, Now.AddHours(2), TimeSpan.FromHours(1)));
    }

    [SkippableFact]
    public async Task Released_event_key_can_be_claimed_again_and_others_stay_claimed()
    {
        var (key, other) = ("slack:Ev-release-" + Run, "slack:Ev-kept-" + Run);
        Assert.True(await Store.Events.TryClaimAsync(key, Now, TimeSpan.FromHours(1)));
        Assert.True(await Store.Events.TryClaimAsync(other, Now, TimeSpan.FromHours(1)));

        await Store.Events.ReleaseAsync(key);

        Assert.True(await Store.Events.TryClaimAsync(key, Now.AddSeconds(1), TimeSpan.FromHours(1)));
        Assert.False(await Store.Events.TryClaimAsync(other, Now.AddSeconds(1), TimeSpan.FromHours(1)));
    }

    [SkippableFact]
    public async Task Event_key_claimed_concurrently_goes_to_exactly_one()
    {
        var key = "slack:Ev-race-" + Run;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.Events.TryClaimAsync(key, Now, TimeSpan.FromHours(1)))));

        Assert.Single(results, r => r);
    }

    [SkippableFact]
    public async Task Conversation_reference_round_trips_and_deletes()
    {
        var store = Store.ConversationReferences;
        var reference = new ConversationReference("19:" + Run + "@thread.tacv2", "https://smba.trafficmanager.net/emea/", "msteams", "28:bot", "tenant", "team", "channel", Now);

        await store.SaveAsync(reference);

        Assert.Equal(reference, await store.FindAsync(reference.ConversationId));
        Assert.True(await store.DeleteAsync(reference.ConversationId));
        Assert.Null(await store.FindAsync(reference.ConversationId));
    }
}
