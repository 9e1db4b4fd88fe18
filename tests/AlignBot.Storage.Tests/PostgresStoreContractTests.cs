namespace AlignBot.Storage.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server, from $ALIGNBOT_TEST_POSTGRES (a connection string; .ci/run starts
/// a server and sets it). Without it the tests are skipped with that message, except in CI, where they fail.
/// </summary>
public sealed class PostgresStoreContractTests(MachineRequirements machine) : StoreContract, IClassFixture<MachineRequirements>
{
    private static PostgresDatabase? _shared;   // one store, and so one connection pool, for the class's tests (run one at a time)

    protected override SqlDatabase Store => _shared ??= new PostgresDatabase(machine.Postgres(), Tokens);

    protected override SqlDatabase OpenAgain() => new PostgresDatabase(machine.Postgres(), Tokens);

    protected override async Task<IReadOnlyList<string>> StoredRatersAsync(string workspace)
    {
        await using var connection = new Npgsql.NpgsqlConnection(machine.Postgres());
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT rater FROM term_votes WHERE workspace = @workspace", connection);
        command.Parameters.AddWithValue("workspace", workspace);
        var raters = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            raters.Add(reader.GetString(0));
        return raters;
    }

    protected override async Task<string?> StoredTokenAsync(string teamId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(machine.Postgres());
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT bot_token FROM installations WHERE team_id = @team", connection);
        command.Parameters.AddWithValue("team", teamId);
        return (string?)await command.ExecuteScalarAsync();
    }
}
