namespace AlignBot.Storage.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server, from $ALIGNBOT_TEST_POSTGRES (a connection string; .ci/run starts
/// a server and sets it). Without it the tests are skipped with that message, except in CI, where they fail.
/// </summary>
public sealed class PostgresStoreContractTests : StoreContract
{
    private static readonly Lazy<PostgresStore?> Shared = new(() =>
        Environment.GetEnvironmentVariable("ALIGNBOT_TEST_POSTGRES") is { Length: > 0 } connection ? new PostgresStore(connection, Tokens) : null);

    protected override SqlStore Store
    {
        get
        {
            Skip.If(Shared.Value is null && Environment.GetEnvironmentVariable("CI") is null,
                "No PostgreSQL configured: set ALIGNBOT_TEST_POSTGRES to a connection string (.ci/run starts a server and does).");
            return Shared.Value ?? throw new InvalidOperationException("CI must provide ALIGNBOT_TEST_POSTGRES.");
        }
    }

    protected override async Task<string?> StoredTokenAsync(string teamId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("ALIGNBOT_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT bot_token FROM installations WHERE team_id = @team", connection);
        command.Parameters.AddWithValue("team", teamId);
        return (string?)await command.ExecuteScalarAsync();
    }
}
