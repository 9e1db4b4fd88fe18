using Npgsql;

namespace AlignBot.Storage;

/// <summary>
/// Versioned schema for PostgreSQL, the same tables as <see cref="SqliteSchema"/>. Each step runs in a transaction
/// holding a transaction-scoped advisory lock, so replicas starting together migrate one at a time. Steps only add, so
/// a database newer than this build is used as it is (<see cref="SchemaStatus"/>).
/// </summary>
internal static class PostgresSchema
{
    private const long LockKey = 7_243_010_551;

    private static readonly string[] Steps =
    [
        """
        CREATE TABLE installations (team_id TEXT PRIMARY KEY, enterprise_id TEXT, team_name TEXT, bot_token TEXT NOT NULL,
            bot_user_id TEXT, scopes TEXT NOT NULL, installed_by TEXT, installed_at BIGINT NOT NULL);
        CREATE TABLE seen_events (event_key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
        CREATE INDEX seen_events_expiry ON seen_events (expires_at);
        """,
        """
        CREATE TABLE conversation_refs (conversation_id TEXT PRIMARY KEY, service_url TEXT NOT NULL, channel_id TEXT NOT NULL,
            bot_id TEXT NOT NULL, tenant_id TEXT, team_id TEXT, conversation_type TEXT, updated_at BIGINT NOT NULL);
        """,
        """
        CREATE TABLE daily_subscriptions (channel TEXT PRIMARY KEY, platform TEXT NOT NULL, team_id TEXT NOT NULL, channel_id TEXT NOT NULL,
            at_minutes INTEGER NOT NULL, time_zone TEXT NOT NULL, weekdays_only INTEGER NOT NULL, enabled INTEGER NOT NULL, seed TEXT NOT NULL,
            changed_by TEXT NOT NULL, changed_at BIGINT NOT NULL, disabled_reason TEXT);
        CREATE TABLE daily_claims (channel TEXT NOT NULL, local_date TEXT NOT NULL, owner TEXT NOT NULL, lease_until BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, posted_at BIGINT, slug TEXT, PRIMARY KEY (channel, local_date));
        CREATE TABLE daily_shown (channel TEXT NOT NULL, slug TEXT NOT NULL, PRIMARY KEY (channel, slug));
        """,
        """
        CREATE TABLE workspace_term_revisions (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, workspace TEXT NOT NULL, slug TEXT NOT NULL,
            name TEXT NOT NULL, aliases TEXT NOT NULL, definition TEXT NOT NULL, source_url TEXT, related TEXT NOT NULL, suggested_by TEXT NOT NULL,
            approved_by TEXT NOT NULL, approved_at BIGINT NOT NULL, change TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at BIGINT NOT NULL);
        CREATE INDEX workspace_term_revisions_term ON workspace_term_revisions (workspace, slug, id);
        CREATE TABLE glossary_versions (workspace TEXT PRIMARY KEY, version BIGINT NOT NULL);
        CREATE TABLE suggestions (id TEXT PRIMARY KEY, workspace TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL, definition TEXT NOT NULL,
            source_url TEXT, related TEXT NOT NULL, suggested_by TEXT NOT NULL, suggested_at BIGINT NOT NULL, state TEXT NOT NULL, decided_by TEXT,
            decided_at BIGINT);
        CREATE INDEX suggestions_by_author ON suggestions (workspace, suggested_by, suggested_at);
        CREATE TABLE curators (workspace TEXT NOT NULL, user_id TEXT NOT NULL, added_by TEXT NOT NULL, added_at BIGINT NOT NULL,
            PRIMARY KEY (workspace, user_id));
        CREATE TABLE review_channels (workspace TEXT PRIMARY KEY, channel_id TEXT NOT NULL, set_by TEXT NOT NULL, set_at BIGINT NOT NULL);
        CREATE TABLE term_ratings (workspace TEXT NOT NULL, slug TEXT NOT NULL, helpful INTEGER NOT NULL, not_helpful INTEGER NOT NULL,
            PRIMARY KEY (workspace, slug));
        CREATE TABLE unanswered_questions (workspace TEXT NOT NULL, text TEXT NOT NULL, count INTEGER NOT NULL, last_seen BIGINT NOT NULL,
            PRIMARY KEY (workspace, text));
        CREATE INDEX unanswered_questions_seen ON unanswered_questions (last_seen);
        """,
        """
        CREATE TABLE store_secrets (name TEXT PRIMARY KEY, secret TEXT NOT NULL);
        CREATE TABLE term_votes (workspace TEXT NOT NULL, slug TEXT NOT NULL, rater TEXT NOT NULL, helpful INTEGER NOT NULL,
            PRIMARY KEY (workspace, slug, rater));
        """,
    ];

    public static SchemaStatus Migrate(NpgsqlConnection connection)
    {
        using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", connection))
            create.ExecuteNonQuery();
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            using (var gate = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
                gate.ExecuteNonQuery();
            int current;
            using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction))
                current = Convert.ToInt32(read.ExecuteScalar());
            if (current >= Steps.Length)
            {
                transaction.Commit();
                return new SchemaStatus(current, Steps.Length);
            }
            using (var step = new NpgsqlCommand(Steps[current] + $"; DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({current + 1});",
                       connection, transaction))
                step.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
