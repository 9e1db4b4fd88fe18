namespace AlignBot.Hosting;

/// <summary>Host log messages. Event ids: 1xxx glossary.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Loaded {Count} terms from {Directory}")]
    public static partial void CorpusLoaded(this ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Corpus {Problem}")]
    public static partial void CorpusWarning(this ILogger logger, string problem);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Error, Message = "Term-of-the-day run failed; retrying at the next tick")]
    public static partial void DailyTickFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "AlignBot is running: {Where}")]
    public static partial void ReadyAt(this ILogger logger, string where);
}
