using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AlignBot.Storage;

/// <summary>Whether a connection string parses for its driver: a typo such as <c>Data Sorce=</c> is caught before connecting.</summary>
public static class ConnectionStringCheck
{
    /// <summary>What is wrong with <paramref name="connectionString"/> (never its text, which may hold a password), or null.</summary>
    public static string? Problem(string connectionString, bool postgres)
    {
        try
        {
            DbConnectionStringBuilder parsed = postgres ? new NpgsqlConnectionStringBuilder(connectionString) : new SqliteConnectionStringBuilder(connectionString);
            return parsed.Count == 0 ? "it sets nothing" : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ex.Message.TrimEnd('.');
        }
    }
}
