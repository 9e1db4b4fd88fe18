namespace AlignBot.Storage;

/// <summary>
/// The schema version a database has against the newest this build knows. A database ahead of the build was migrated
/// by a newer AlignBot; every step only adds (tables, or columns that are nullable or have defaults), so this build
/// still runs on it, which is what a roll-back during or after an upgrade needs (docs/deploy.md).
/// </summary>
public readonly record struct SchemaStatus(int Database, int Build)
{
    public bool IsAhead => Database > Build;
}
