using AlignBot.Chat.Stores;

namespace AlignBot.Storage.Tests;

/// <summary>The store contract on a real SQLite file.</summary>
public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"alignbot-store-{Guid.NewGuid():N}.db");
    private readonly SqliteDatabase _store;

    public SqliteStoreContractTests() => _store = new SqliteDatabase($"Data Source={_file}", Tokens);

    protected override SqlDatabase Store => _store;

    protected override async Task<string?> StoredTokenAsync(string teamId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT bot_token FROM installations WHERE team_id = $team";
        command.Parameters.AddWithValue("$team", teamId);
        return (string?)await command.ExecuteScalarAsync();
    }

    protected override SqlDatabase OpenAgain() => new SqliteDatabase($"Data Source={_file}", Tokens);

    protected override async Task<IReadOnlyList<string>> StoredRatersAsync(string workspace)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rater FROM term_votes WHERE workspace = $workspace";
        command.Parameters.AddWithValue("$workspace", workspace);
        var raters = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            raters.Add(reader.GetString(0));
        return raters;
    }

    [Fact]
    public async Task Token_saved_before_encryption_is_read_as_it_is_and_encrypted_when_saved_again()
    {
        var plain = new SqliteDatabase($"Data Source={_file}");
        var installation = new WorkspaceInstallation("T-legacy", null, "Team", "xoxb-legacy-token", "UBOT", "commands", "U1", DateTimeOffset.UtcNow);
        await plain.Installations.SaveAsync(installation);
        Assert.Equal("xoxb-legacy-token", await StoredTokenAsync("T-legacy"));

        Assert.Equal("xoxb-legacy-token", (await _store.Installations.FindAsync("T-legacy"))!.BotToken);
        await _store.Installations.SaveAsync(installation);
        Assert.StartsWith("enc:v1:", await StoredTokenAsync("T-legacy"));
    }

    [Fact]
    public async Task Token_read_with_another_key_is_a_clear_error_not_garbage()
    {
        await _store.Installations.SaveAsync(new WorkspaceInstallation("T-key", null, "Team", "xoxb-key-token", "UBOT", "commands", "U1", DateTimeOffset.UtcNow));
        var otherKey = new SqliteDatabase($"Data Source={_file}", new TokenCipher(new byte[TokenCipher.KeyBytes]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => otherKey.Installations.FindAsync("T-key"));

        Assert.Contains("Storage:TokenKey", error.Message);
    }

    [Fact]
    public void Schema_is_migrated_to_the_latest_version_and_again_is_a_no_op()
    {
        Assert.Equal(SqliteSchema.Latest, _store.SchemaVersion);
        Assert.Equal(SqliteSchema.Latest, new SqliteDatabase($"Data Source={_file}").SchemaVersion);
    }

    [Fact]
    public async Task A_database_of_schema_step_4_gains_the_rating_tables_and_keeps_what_it_had()
    {
        var workspace = new WorkspaceKey(Chat.Platform.Slack, "T-upgrade");
        await _store.Unanswered.RecordAsync(workspace, "what is a foo", DateTimeOffset.UtcNow);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file}"))
        {
            await connection.OpenAsync();
            await using var back = connection.CreateCommand();
            back.CommandText = "DROP TABLE term_votes; DROP TABLE store_secrets; UPDATE schema_version SET version = 4;";   // as step 4 left it
            await back.ExecuteNonQueryAsync();
        }

        var upgraded = new SqliteDatabase($"Data Source={_file}", Tokens);
        await upgraded.Ratings.RateAsync(workspace, "dpo", "U1", helpful: false);

        Assert.Equal(SqliteSchema.Latest, upgraded.SchemaVersion);
        Assert.Equal([new TermRating("dpo", 0, 1)], await upgraded.Ratings.LeastHelpfulAsync(workspace, 5));
        Assert.Single(await upgraded.Unanswered.TopAsync(workspace, DateTimeOffset.UnixEpoch, 5));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_used_as_it_is()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file}"))
        {
            await connection.OpenAsync();
            await using var bump = connection.CreateCommand();
            bump.CommandText = $"UPDATE schema_version SET version = {SqliteSchema.Latest + 1}; CREATE TABLE added_by_a_newer_build (id TEXT);";
            await bump.ExecuteNonQueryAsync();
        }

        var older = new SqliteDatabase($"Data Source={_file}", Tokens);
        await older.Installations.SaveAsync(new WorkspaceInstallation("T-ahead", null, "Team", "xoxb-ahead", "UBOT", "commands", "U1", DateTimeOffset.UtcNow));

        Assert.Equal(new SchemaStatus(SqliteSchema.Latest + 1, SqliteSchema.Latest), older.Schema);
        Assert.True(older.Schema.IsAhead);
        Assert.Equal("xoxb-ahead", (await older.Installations.FindAsync("T-ahead"))!.BotToken);
        Assert.Equal(SqliteSchema.Latest + 1, older.SchemaVersion);   // not migrated back
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
    }
}
