using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>Teams log messages, event ids 3xxx. None carries a token or a request body.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refused Teams activity: {Reason}")]
    public static partial void TeamsRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Bad Teams activity: {Reason}")]
    public static partial void TeamsBadRequest(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Teams connector returned {Status}; retrying in {DelayMs} ms (attempt {Attempt})")]
    public static partial void TeamsRetry(this ILogger logger, string status, double delayMs, int attempt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Teams reply to conversation {ConversationId} failed")]
    public static partial void TeamsSendFailed(this ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Teams: added to conversation {ConversationId} ({ConversationType})")]
    public static partial void TeamsAdded(this ILogger logger, string conversationId, string? conversationType);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Teams: removed from conversation {ConversationId}")]
    public static partial void TeamsRemoved(this ILogger logger, string conversationId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Teams is off: set Teams:AppId to turn it on")]
    public static partial void TeamsOff(this ILogger logger);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Teams is on: /api/messages for app {AppId}{Mode}")]
    public static partial void TeamsOn(this ILogger logger, string appId, string mode);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Teams work queue full or shutting down; dropped a reply to {ConversationId}")]
    public static partial void TeamsQueueFull(this ILogger logger, string conversationId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Conversation reference for {ConversationId} not saved: {Reason}")]
    public static partial void TeamsStoreUnavailable(this ILogger logger, string conversationId, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "No welcome in {ConversationId}: the team has more than {Limit} members")]
    public static partial void TeamsWelcomeSkipped(this ILogger logger, string conversationId, int limit);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Roster of team {TeamId} could not be read; sending the welcome anyway")]
    public static partial void TeamsRosterUnavailable(this ILogger logger, Exception exception, string teamId);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "A suggestion in tenant {TenantId} reached no curator: no review channel, and none of {Curators} curators could be messaged directly (set Teams:Curators, or a curator says \"review here\" in a channel)")]
    public static partial void TeamsNoCuratorReached(this ILogger logger, string tenantId, int curators);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "User {UserId} in tenant {TenantId} could not be messaged in a one-to-one chat: {Status} {Code}")]
    public static partial void TeamsUserUnreachable(this ILogger logger, string userId, string tenantId, int status, string code);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "The review channel of tenant {TenantId} could not be posted to: {Status} {Code}; messaging each curator instead")]
    public static partial void TeamsReviewChannelUnreachable(this ILogger logger, string tenantId, int status, string code);
}
