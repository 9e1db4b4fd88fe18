using Microsoft.Data.Sqlite;

namespace AlignBot.Storage;

/// <summary>
/// Versioned schema for SQLite. Each step runs once, in order, in a transaction, and records its number in
/// <c>schema_version</c>. Steps only add, so a database newer than this build is used as it is (<see cref="SchemaStatus"/>).
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Steps =
    [
        // 1: installations per workspace, and event keys seen recently.
        """
        CREATE TABLE installations (
            team_id TEXT PRIMARY KEY,
            enterprise_id TEXT,
            team_name TEXT,
            bot_token TEXT NOT NULL,
            bot_user_id TEXT,
            scopes TEXT NOT NULL,
            installed_by TEXT,
            installed_at INTEGER NOT NULL
        );
        CREATE TABLE seen_events (
            event_key TEXT PRIMARY KEY,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX seen_events_expiry ON seen_events (expires_at);
        """,

        // 2: Teams conversation references, for proactive posts.
        """
        CREATE TABLE conversation_refs (
            conversation_id TEXT PRIMARY KEY,
            service_url TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            bot_id TEXT NOT NULL,
            tenant_id TEXT,
            team_id TEXT,
            conversation_type TEXT,
            updated_at INTEGER NOT NULL
        );
        """,

        // 3: term of the day: subscriptions, one claim row per (channel, local date), each channel's shown terms.
        """
        CREATE TABLE daily_subscriptions (
            channel TEXT PRIMARY KEY,
            platform TEXT NOT NULL,
            team_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            at_minutes INTEGER NOT NULL,
            time_zone TEXT NOT NULL,
            weekdays_only INTEGER NOT NULL,
            enabled INTEGER NOT NULL,
            seed TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            disabled_reason TEXT
        );
        CREATE TABLE daily_claims (
            channel TEXT NOT NULL,
            local_date TEXT NOT NULL,
            owner TEXT NOT NULL,
            lease_until INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            posted_at INTEGER,
            slug TEXT,
            PRIMARY KEY (channel, local_date)
        );
        CREATE TABLE daily_shown (
            channel TEXT NOT NULL,
            slug TEXT NOT NULL,
            PRIMARY KEY (channel, slug)
        );
        """,

        // 4: living glossary: workspace terms (every revision), glossary versions, suggestions, curators, review
        // channels, ratings, unanswered questions. Lists are JSON arrays of strings.
        """
        CREATE TABLE workspace_term_revisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            workspace TEXT NOT NULL,
            slug TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            definition TEXT NOT NULL,
            source_url TEXT,
            related TEXT NOT NULL,
            suggested_by TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            approved_at INTEGER NOT NULL,
            change TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at INTEGER NOT NULL
        );
        CREATE INDEX workspace_term_revisions_term ON workspace_term_revisions (workspace, slug, id);
        CREATE TABLE glossary_versions (
            workspace TEXT PRIMARY KEY,
            version INTEGER NOT NULL
        );
        CREATE TABLE suggestions (
            id TEXT PRIMARY KEY,
            workspace TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            definition TEXT NOT NULL,
            source_url TEXT,
            related TEXT NOT NULL,
            suggested_by TEXT NOT NULL,
            suggested_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            decided_by TEXT,
            decided_at INTEGER
        );
        CREATE INDEX suggestions_by_author ON suggestions (workspace, suggested_by, suggested_at);
        CREATE TABLE curators (
            workspace TEXT NOT NULL,
            user_id TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_at INTEGER NOT NULL,
            PRIMARY KEY (workspace, user_id)
        );
        CREATE TABLE review_channels (
            workspace TEXT PRIMARY KEY,
            channel_id TEXT NOT NULL,
            set_by TEXT NOT NULL,
            set_at INTEGER NOT NULL
        );
        CREATE TABLE term_ratings (
            workspace TEXT NOT NULL,
            slug TEXT NOT NULL,
            helpful INTEGER NOT NULL,
            not_helpful INTEGER NOT NULL,
            PRIMARY KEY (workspace, slug)
        );
        CREATE TABLE unanswered_questions (
            workspace TEXT NOT NULL,
            text TEXT NOT NULL,
            count INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            PRIMARY KEY (workspace, text)
        );
        CREATE INDEX unanswered_questions_seen ON unanswered_questions (last_seen);
        """,

        // 5: one rating a person: each rater as a keyed hash, never a user id, under a random key kept here. The click
        // counts of term_ratings are no longer read (they could not say who clicked).
        """
        CREATE TABLE store_secrets (
            name TEXT PRIMARY KEY,
            secret TEXT NOT NULL
        );
        CREATE TABLE term_votes (
            workspace TEXT NOT NULL,
            slug TEXT NOT NULL,
            rater TEXT NOT NULL,
            helpful INTEGER NOT NULL,
            PRIMARY KEY (workspace, slug, rater)
        );
        """,
    ];

    public static int Latest => Steps.Length;

    public static SchemaStatus Migrate(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);";
            wal.ExecuteNonQuery();
        }
        while (true)
        {
            // BEGIN IMMEDIATE takes the write lock first, so two processes starting together migrate one at a time
            // and the second sees the first one's version.
            using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
            var current = CurrentVersion(connection, transaction);
            if (current >= Latest)
                return new SchemaStatus(current, Latest);
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Steps[current] + $"; DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ({current + 1});";
            step.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
