using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>Living glossary log messages, event ids 8xxx. None carries what a user typed: ids, counts and short reasons only.</summary>
internal static partial class LivingLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Suggestion {SuggestionId} stored in {Workspace}")]
    public static partial void SuggestionStored(this ILogger logger, string suggestionId, string workspace);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Suggestion {SuggestionId} in {Workspace} {Outcome} by {UserId}")]
    public static partial void SuggestionDecided(this ILogger logger, string suggestionId, string workspace, Stores.SuggestionState outcome, string userId);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Refused {Action} by {UserId} in {Workspace}: {Reason}")]
    public static partial void LivingRefused(this ILogger logger, string action, string userId, string workspace, string reason);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Living glossary unavailable: {Reason}")]
    public static partial void LivingStoreUnavailable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Curators of {Workspace} changed by {UserId}: {Change} {Count}")]
    public static partial void CuratorsChanged(this ILogger logger, string workspace, string userId, string change, int count);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information, Message = "Weekly digest posted in {Channel} for {Date}")]
    public static partial void DigestPosted(this ILogger logger, string channel, string date);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Warning, Message = "Weekly digest in {Channel} for {Date} failed ({Reason}); {Next}")]
    public static partial void DigestFailed(this ILogger logger, string channel, string date, string reason, string next);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Information, Message = "Forgot {Count} unanswered questions past their retention")]
    public static partial void UnansweredPruned(this ILogger logger, int count);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Information, Message = "Workspace term {Slug} in {Workspace} edited by {UserId}")]
    public static partial void WorkspaceTermEdited(this ILogger logger, string slug, string workspace, string userId);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Warning,
        Message = "{Change} in {Workspace} is stored, but the store went away before everyone was told: {Reason}")]
    public static partial void LivingAnnounceFailed(this ILogger logger, string change, string workspace, string reason);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Warning, Message = "An unanswered question in {Workspace} was not counted: {Count} counts already wait on the store")]
    public static partial void UnansweredNotCounted(this ILogger logger, string workspace, int count);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Warning, Message = "Stopping with {Count} unanswered questions still waiting on the store: they are not counted")]
    public static partial void UnansweredLeftUncounted(this ILogger logger, int count);
}
