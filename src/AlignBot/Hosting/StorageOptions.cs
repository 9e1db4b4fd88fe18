namespace AlignBot.Hosting;

/// <summary>Where AlignBot keeps installations and seen events. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>, for several replicas sharing one database.</summary>
    public string Provider { get; set; } = "sqlite";

    public bool IsPostgres => Provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) || Provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>An ADO.NET connection string; empty: a SQLite file <c>data/alignbot.db</c> under the content root.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The key bot tokens are encrypted with: 32 random bytes in base64, the same on every replica. Empty: with SQLite,
    /// a key file created beside the database; with PostgreSQL, tokens are stored unencrypted (with a warning).
    /// </summary>
    public string TokenKey { get; set; } = "";
}
