using AlignBot.Chat.Stores;
using Microsoft.Data.Sqlite;

namespace AlignBot.Storage;

/// <summary>
/// The SQLite store: installations, event de-duplication and conversation references in one file. A connection per operation (the driver
/// pools them), WAL journal so readers never wait for the writer, schema created or migrated on construction.
/// </summary>
public sealed class SqliteStore : IInstallationStore, IEventDeduplicator, IConversationReferenceStore
{
    private readonly string _connectionString;

    public SqliteStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            Directory.CreateDirectory(folder);
        _connectionString = builder.ToString();
        using var connection = Open();
        SqliteSchema.Migrate(connection);
    }

    /// <summary>The schema version this build writes; see <see cref="SqliteSchema"/>.</summary>
    public int SchemaVersion
    {
        get
        {
            using var connection = Open();
            return SqliteSchema.CurrentVersion(connection);
        }
    }

    public async Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO installations (team_id, enterprise_id, team_name, bot_token, bot_user_id, scopes, installed_by, installed_at)
            VALUES ($team, $enterprise, $name, $token, $bot, $scopes, $by, $at)
            ON CONFLICT (team_id) DO UPDATE SET enterprise_id = $enterprise, team_name = $name, bot_token = $token,
                bot_user_id = $bot, scopes = $scopes, installed_by = $by, installed_at = $at
            """;
        command.Parameters.AddWithValue("$team", installation.TeamId);
        command.Parameters.AddWithValue("$enterprise", (object?)installation.EnterpriseId ?? DBNull.Value);
        command.Parameters.AddWithValue("$name", (object?)installation.TeamName ?? DBNull.Value);
        command.Parameters.AddWithValue("$token", installation.BotToken);
        command.Parameters.AddWithValue("$bot", (object?)installation.BotUserId ?? DBNull.Value);
        command.Parameters.AddWithValue("$scopes", installation.Scopes);
        command.Parameters.AddWithValue("$by", (object?)installation.InstalledBy ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", installation.InstalledAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WorkspaceInstallation?> FindAsync(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT team_id, enterprise_id, team_name, bot_token, bot_user_id, scopes, installed_by, installed_at
            FROM installations WHERE team_id = $team
            """;
        command.Parameters.AddWithValue("$team", teamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new WorkspaceInstallation(reader.GetString(0), Text(1), Text(2), reader.GetString(3), Text(4), reader.GetString(5), Text(6),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
    }

    public async Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM installations WHERE team_id = $team";
        command.Parameters.AddWithValue("$team", teamId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> TryClaimAsync(string eventKey, DateTimeOffset now, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        // One statement: expired keys are forgotten, then the insert either claims the key or meets the row of the
        // earlier claim. SQLite serialises writers, so two replicas cannot both claim.
        command.CommandText = """
            DELETE FROM seen_events WHERE expires_at <= $now;
            INSERT INTO seen_events (event_key, expires_at) VALUES ($key, $expires) ON CONFLICT (event_key) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$key", eventKey);
        command.Parameters.AddWithValue("$expires", (now + keepFor).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var changes = connection.CreateCommand();
        changes.CommandText = "SELECT changes()";
        return Convert.ToInt64(await changes.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO conversation_refs (conversation_id, service_url, channel_id, bot_id, tenant_id, team_id, conversation_type, updated_at)
            VALUES ($id, $url, $channel, $bot, $tenant, $team, $type, $at)
            ON CONFLICT (conversation_id) DO UPDATE SET service_url = $url, channel_id = $channel, bot_id = $bot,
                tenant_id = $tenant, team_id = $team, conversation_type = $type, updated_at = $at
            """;
        command.Parameters.AddWithValue("$id", reference.ConversationId);
        command.Parameters.AddWithValue("$url", reference.ServiceUrl);
        command.Parameters.AddWithValue("$channel", reference.ChannelId);
        command.Parameters.AddWithValue("$bot", reference.BotId);
        command.Parameters.AddWithValue("$tenant", (object?)reference.TenantId ?? DBNull.Value);
        command.Parameters.AddWithValue("$team", (object?)reference.TeamId ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", (object?)reference.ConversationType ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", reference.UpdatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    async Task<ConversationReference?> IConversationReferenceStore.FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conversation_id, service_url, channel_id, bot_id, tenant_id, team_id, conversation_type, updated_at
            FROM conversation_refs WHERE conversation_id = $id
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new ConversationReference(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5), Text(6),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
    }

    async Task<bool> IConversationReferenceStore.DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM conversation_refs WHERE conversation_id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
