using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Daily;

/// <summary>Term-of-the-day log messages, event ids 4xxx.</summary>
internal static partial class DailyLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Daily post in {Channel} for {Date}: {Slug}")]
    public static partial void DailyPosted(this ILogger logger, string channel, string date, string slug);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Daily post in {Channel} for {Date} failed; it will be retried")]
    public static partial void DailyRetry(this ILogger logger, Exception exception, string channel, string date);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Daily posts in {Channel} turned off: {Reason}")]
    public static partial void DailyDisabled(this ILogger logger, string channel, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Daily subscription of {Channel} changed: {Change}")]
    public static partial void DailyChanged(this ILogger logger, string channel, string change);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Daily command not done: {Reason}")]
    public static partial void DailyStoreUnavailable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Daily post in {Channel} for {Date} went out but could not be recorded yet; recording it at the next tick")]
    public static partial void DailyUnrecorded(this ILogger logger, string channel, string date);
}
