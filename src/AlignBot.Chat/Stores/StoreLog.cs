using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Stores;

/// <summary>Replay log messages, event ids 6xxx. None carries a request body or a delivery's id.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Ignored a replayed {Kind} in {Scope}: already carried out")]
    public static partial void ReplayIgnored(this ILogger logger, string kind, string scope);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Replay check for a {Kind} in {Scope} skipped: the store is unavailable")]
    public static partial void ReplayCheckSkipped(this ILogger logger, string kind, string scope);
}
