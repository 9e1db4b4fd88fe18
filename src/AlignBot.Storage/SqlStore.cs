using System.Data.Common;
using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>
/// Every store AlignBot has, in SQL that SQLite and PostgreSQL both run (named <c>@</c> parameters, <c>ON CONFLICT</c>
/// upserts, times as Unix milliseconds). The subclasses open connections and create or migrate the schema; one
/// contract test suite runs against both. A connection per operation; the drivers pool them. Bot tokens are
/// encrypted at rest when a <see cref="TokenCipher"/> is given.
/// </summary>
public abstract class SqlStore(TokenCipher? tokens) : IInstallationStore, IEventDeduplicator, IConversationReferenceStore, IDailyStore
{
    /// <summary>The database's schema version against this build's, as found when the store was opened and migrated.</summary>
    public SchemaStatus Schema { get; protected init; }

    /// <summary>Whether bot tokens are encrypted at rest (see <see cref="TokenCipher"/>).</summary>
    public bool EncryptsTokens => tokens is not null;

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    // ---- installations ----

    public Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default) => ExecuteAsync("""
        INSERT INTO installations (team_id, enterprise_id, team_name, bot_token, bot_user_id, scopes, installed_by, installed_at)
        VALUES (@team, @enterprise, @name, @token, @bot, @scopes, @by, @at)
        ON CONFLICT (team_id) DO UPDATE SET enterprise_id = @enterprise, team_name = @name, bot_token = @token,
            bot_user_id = @bot, scopes = @scopes, installed_by = @by, installed_at = @at
        """, cancellationToken, ("team", installation.TeamId), ("enterprise", installation.EnterpriseId), ("name", installation.TeamName),
        ("token", tokens?.Protect(installation.BotToken) ?? installation.BotToken), ("bot", installation.BotUserId), ("scopes", installation.Scopes),
        ("by", installation.InstalledBy), ("at", installation.InstalledAt.ToUnixTimeMilliseconds()));

    public Task<WorkspaceInstallation?> FindAsync(string teamId, CancellationToken cancellationToken = default) => SingleAsync(
        "SELECT team_id, enterprise_id, team_name, bot_token, bot_user_id, scopes, installed_by, installed_at FROM installations WHERE team_id = @team",
        r => new WorkspaceInstallation(r.GetString(0), Text(r, 1), Text(r, 2), tokens?.Unprotect(r.GetString(3)) ?? r.GetString(3), Text(r, 4), r.GetString(5),
            Text(r, 6), Time(r, 7)),
        cancellationToken, ("team", teamId));

    public async Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("DELETE FROM installations WHERE team_id = @team", cancellationToken, ("team", teamId)) > 0;

    // ---- event de-duplication ----

    public async Task<bool> TryClaimAsync(string eventKey, DateTimeOffset now, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        // Inserted, or an expired key taken again: one row changed. A live key from an earlier delivery: none.
        var changed = await ExecuteAsync("""
            INSERT INTO seen_events (event_key, expires_at) VALUES (@key, @expires)
            ON CONFLICT (event_key) DO UPDATE SET expires_at = @expires WHERE seen_events.expires_at <= @now
            """, cancellationToken, ("key", eventKey), ("expires", (now + keepFor).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()));
        if (Random.Shared.Next(100) == 0)   // now and then, forget long-expired keys
            await ExecuteAsync("DELETE FROM seen_events WHERE expires_at <= @now", cancellationToken, ("now", now.ToUnixTimeMilliseconds()));
        return changed == 1;
    }

    public Task ReleaseAsync(string eventKey, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM seen_events WHERE event_key = @key", cancellationToken, ("key", eventKey));

    // ---- Teams conversation references ----

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default) => ExecuteAsync("""
        INSERT INTO conversation_refs (conversation_id, service_url, channel_id, bot_id, tenant_id, team_id, conversation_type, updated_at)
        VALUES (@id, @url, @channel, @bot, @tenant, @team, @type, @at)
        ON CONFLICT (conversation_id) DO UPDATE SET service_url = @url, channel_id = @channel, bot_id = @bot,
            tenant_id = @tenant, team_id = @team, conversation_type = @type, updated_at = @at
        """, cancellationToken, ("id", reference.ConversationId), ("url", reference.ServiceUrl), ("channel", reference.ChannelId), ("bot", reference.BotId),
        ("tenant", reference.TenantId), ("team", reference.TeamId), ("type", reference.ConversationType), ("at", reference.UpdatedAt.ToUnixTimeMilliseconds()));

    Task<ConversationReference?> IConversationReferenceStore.FindAsync(string conversationId, CancellationToken cancellationToken) => SingleAsync(
        "SELECT conversation_id, service_url, channel_id, bot_id, tenant_id, team_id, conversation_type, updated_at FROM conversation_refs WHERE conversation_id = @id",
        r => new ConversationReference(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), Time(r, 7)),
        cancellationToken, ("id", conversationId));

    async Task<bool> IConversationReferenceStore.DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM conversation_refs WHERE conversation_id = @id", cancellationToken, ("id", conversationId)) > 0;

    // ---- term of the day ----

    public Task SaveAsync(DailySubscription s, CancellationToken cancellationToken = default) => ExecuteAsync("""
        INSERT INTO daily_subscriptions (channel, platform, team_id, channel_id, at_minutes, time_zone, weekdays_only, enabled, seed, changed_by, changed_at, disabled_reason)
        VALUES (@channel, @platform, @team, @channelId, @at, @zone, @weekdays, @enabled, @seed, @by, @changed, @reason)
        ON CONFLICT (channel) DO UPDATE SET at_minutes = @at, time_zone = @zone, weekdays_only = @weekdays, enabled = @enabled,
            seed = @seed, changed_by = @by, changed_at = @changed, disabled_reason = @reason
        """, cancellationToken, ("channel", s.Channel.Id), ("platform", s.Channel.Platform.ToString()), ("team", s.Channel.TeamId), ("channelId", s.Channel.ChannelId),
        ("at", s.Schedule.At.Hour * 60 + s.Schedule.At.Minute), ("zone", s.Schedule.TimeZone), ("weekdays", s.Schedule.WeekdaysOnly ? 1 : 0),
        ("enabled", s.Enabled ? 1 : 0), ("seed", s.Seed), ("by", s.ChangedBy), ("changed", s.ChangedAt.ToUnixTimeMilliseconds()), ("reason", s.DisabledReason));

    public Task<DailySubscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        SingleAsync(SubscriptionColumns + " WHERE channel = @channel", Subscription, cancellationToken, ("channel", channel.Id));

    public Task<IReadOnlyList<DailySubscription>> EnabledAsync(CancellationToken cancellationToken = default) =>
        ListAsync(SubscriptionColumns + " WHERE enabled = 1 ORDER BY channel", Subscription, cancellationToken);

    public Task DisableAsync(ChannelKey channel, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) => ExecuteAsync(
        "UPDATE daily_subscriptions SET enabled = 0, disabled_reason = @reason, changed_at = @at WHERE channel = @channel",
        cancellationToken, ("channel", channel.Id), ("reason", reason), ("at", at.ToUnixTimeMilliseconds()));

    public async Task<DailyClaim> TryClaimAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default)
    {
        // The unique (channel, local_date) row is the lock: first insert wins; an unposted claim whose lease ran out
        // (its owner crashed, or is waiting to retry) is taken over; a posted one never is.
        var changed = await ExecuteAsync("""
            INSERT INTO daily_claims (channel, local_date, owner, lease_until, attempts) VALUES (@channel, @date, @owner, @lease, 0)
            ON CONFLICT (channel, local_date) DO UPDATE SET owner = @owner, lease_until = @lease
                WHERE daily_claims.posted_at IS NULL AND daily_claims.lease_until <= @now
            """, cancellationToken, ("channel", channel.Id), ("date", date.ToString("O")), ("owner", owner),
            ("lease", leaseUntil.ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()));
        if (changed == 1)
            return DailyClaim.Claimed;
        var posted = await SingleAsync("SELECT posted_at FROM daily_claims WHERE channel = @channel AND local_date = @date",
            r => (long?)(r.IsDBNull(0) ? null : r.GetInt64(0)), cancellationToken, ("channel", channel.Id), ("date", date.ToString("O")));
        return posted is not null ? DailyClaim.AlreadyPosted : DailyClaim.HeldElsewhere;
    }

    public async Task MarkPostedAsync(ChannelKey channel, DateOnly date, string owner, string slug, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var mine = await ExecuteAsync("UPDATE daily_claims SET posted_at = @at, slug = @slug WHERE channel = @channel AND local_date = @date AND owner = @owner",
            cancellationToken, ("at", at.ToUnixTimeMilliseconds()), ("slug", slug), ("channel", channel.Id), ("date", date.ToString("O")), ("owner", owner));
        if (mine == 0)
            return;   // the claim passed to another replica meanwhile; its post is the one that counts
        await ExecuteAsync("INSERT INTO daily_shown (channel, slug) VALUES (@channel, @slug) ON CONFLICT (channel, slug) DO NOTHING",
            cancellationToken, ("channel", channel.Id), ("slug", slug));
    }

    public async Task DeferAsync(ChannelKey channel, DateOnly date, string owner, Func<int, DateTimeOffset> retryAt, CancellationToken cancellationToken = default)
    {
        var attempts = await SingleAsync("SELECT attempts FROM daily_claims WHERE channel = @channel AND local_date = @date AND owner = @owner",
            r => r.GetInt32(0), cancellationToken, ("channel", channel.Id), ("date", date.ToString("O")), ("owner", owner)) + 1;
        await ExecuteAsync("UPDATE daily_claims SET attempts = @attempts, lease_until = @retry WHERE channel = @channel AND local_date = @date AND owner = @owner",
            cancellationToken, ("attempts", attempts), ("retry", retryAt(attempts).ToUnixTimeMilliseconds()), ("channel", channel.Id),
            ("date", date.ToString("O")), ("owner", owner));
    }

    public async Task<IReadOnlySet<string>> ShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        (await ListAsync("SELECT slug FROM daily_shown WHERE channel = @channel", r => r.GetString(0), cancellationToken, ("channel", channel.Id)))
            .ToHashSet(StringComparer.Ordinal);

    public Task ResetShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM daily_shown WHERE channel = @channel", cancellationToken, ("channel", channel.Id));

    private const string SubscriptionColumns =
        "SELECT platform, team_id, channel_id, at_minutes, time_zone, weekdays_only, enabled, seed, changed_by, changed_at, disabled_reason FROM daily_subscriptions";

    private static DailySubscription Subscription(DbDataReader r) => new(
        new ChannelKey(Enum.Parse<Platform>(r.GetString(0)), r.GetString(1), r.GetString(2)),
        new DailySchedule(new TimeOnly(r.GetInt32(3) / 60, r.GetInt32(3) % 60), r.GetString(4), r.GetInt32(5) == 1),
        r.GetInt32(6) == 1, r.GetString(7), r.GetString(8), Time(r, 9), Text(r, 10));

    /// <summary>Whether the database answers a trivial query within two seconds.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await using var connection = await OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken) || ex is OperationCanceledException)
        {
            return false;
        }
    }

    // ---- plumbing ----

    protected async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException(Verb(sql), ex);
        }
    }

    private async Task<T?> SingleAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(reader) : default;
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException(Verb(sql), ex);
        }
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var items = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
                items.Add(read(reader));
            return items;
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            throw new StoreUnavailableException(Verb(sql), ex);
        }
    }

    /// <summary>
    /// What the driver throws when the database cannot be reached or cannot finish: its own exceptions (an exhausted
    /// pool included), a timeout, a socket or file error. Not a cancellation the caller asked for, and not
    /// InvalidOperationException, which is a bug in the caller rather than an outage.
    /// </summary>
    private static bool IsUnavailable(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        DbException or TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    /// <summary>The statement's first word (INSERT, SELECT…), for the exception's message: never parameters.</summary>
    private static string Verb(string sql) => sql.TrimStart().Split(' ', 2)[0];

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset Time(DbDataReader reader, int i) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(i));
}
