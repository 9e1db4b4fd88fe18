using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Work;

/// <summary>Work-queue log messages, event ids 5xxx.</summary>
internal static partial class WorkLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "{Worker} is stopping: finishing {Count} queued items first")]
    public static partial void WorkDraining(this ILogger logger, string worker, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "{Worker} ran out of shutdown time: {Count} queued items were not done")]
    public static partial void WorkDropped(this ILogger logger, string worker, int count);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "{Worker} could not finish a {Kind}: {Reason}")]
    public static partial void WorkStoreUnavailable(this ILogger logger, string worker, string kind, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "{Worker} could not tell the person who asked that their request ({Kind}) failed: {Error}")]
    public static partial void WorkFailureNotTold(this ILogger logger, string worker, string kind, string error);
}
