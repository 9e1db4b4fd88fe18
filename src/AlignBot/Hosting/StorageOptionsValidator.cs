using AlignBot.Storage;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>
/// Checks the <c>Storage</c> section before anything is opened: a known provider, a connection string its driver can
/// parse (a typo is a setting to fix, not an unreachable store) and a well-formed token key. Messages name the key and
/// never repeat a value, which may hold a password.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.IsPostgres && !options.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            failures.Add("Storage:Provider must be sqlite or postgres");
        else if (options.IsPostgres && options.ConnectionString.Length == 0)
            failures.Add("Storage:ConnectionString is required with Storage:Provider=postgres");
        else if (options.ConnectionString.Length > 0 && ConnectionStringCheck.Problem(options.ConnectionString, options.IsPostgres) is { } problem)
            failures.Add($"Storage:ConnectionString is not a valid {(options.IsPostgres ? "PostgreSQL" : "SQLite")} connection string: {problem}");
        if (options.TokenKey.Length > 0)
        {
            try
            {
                TokenCipher.FromBase64(options.TokenKey);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
