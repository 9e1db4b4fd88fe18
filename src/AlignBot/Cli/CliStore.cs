using AlignBot.Hosting;
using AlignBot.Storage;

namespace AlignBot.Cli;

/// <summary>
/// The store the <c>glossary</c> verbs read and write: <c>Storage:Provider</c> and <c>Storage:ConnectionString</c> from
/// appsettings.json and the environment, as the host reads them, or the connection string given with <c>--storage</c>.
/// The verbs touch no bot token, so no token key is needed.
/// </summary>
internal static class CliStore
{
    public static SqlDatabase Open(string? connectionString)
    {
        var options = new StorageOptions();
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build()
            .GetSection(StorageOptions.Section).Bind(options);
        var connection = connectionString ?? (options.ConnectionString.Length > 0
            ? options.ConnectionString
            : $"Data Source={Path.Combine(Environment.CurrentDirectory, "data", "alignbot.db")}");
        return options.IsPostgres && connectionString is null ? new PostgresDatabase(connection) : new SqliteDatabase(connection);
    }
}
