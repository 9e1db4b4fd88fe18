namespace AlignBot.Hosting;

/// <summary>Host log messages. Event ids: 1xxx glossary.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Loaded {Count} terms from {Directory}")]
    public static partial void CorpusLoaded(this ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Corpus {Problem}")]
    public static partial void CorpusWarning(this ILogger logger, string problem);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning, Message = "Workspace terms are not refreshed while the store is unavailable: {Reason}")]
    public static partial void WorkspaceGlossariesStale(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Information, Message = "The store answers again; workspace terms are refreshed")]
    public static partial void WorkspaceGlossariesBack(this ILogger logger);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Term-of-the-day run failed; retrying at the next tick")]
    public static partial void DailyTickFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Term-of-the-day posts are waiting: {Reason}")]
    public static partial void DailyStoreDown(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "The store answers again; term-of-the-day posts resume")]
    public static partial void DailyStoreBack(this ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Corpus reloaded: {Count} terms")]
    public static partial void CorpusReloaded(this ILogger logger, int count);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Corpus edit refused: {Problem}")]
    public static partial void CorpusReloadProblem(this ILogger logger, string problem);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Corpus edit refused; still serving the previous {Count} terms")]
    public static partial void CorpusReloadRefused(this ILogger logger, int count);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Critical, Message = "{Reason} Exit code {ExitCode}.")]
    public static partial void StartupFailed(this ILogger logger, string reason, int exitCode);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning,
        Message = "The database has schema version {Database}, newer than this build's {Build}: running on it (steps only add); upgrade when you can")]
    public static partial void SchemaAhead(this ILogger logger, int database, int build);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning,
        Message = "Bot tokens are stored unencrypted: set Storage:TokenKey (32 random bytes in base64, the same on every replica) to encrypt them")]
    public static partial void TokensUnencrypted(this ILogger logger);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Debug, Message = "Request to {Path} ended early: {Reason}")]
    public static partial void RequestEndedEarly(this ILogger logger, PathString path, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "AlignBot is running: {Where}")]
    public static partial void ReadyAt(this ILogger logger, string where);
}
