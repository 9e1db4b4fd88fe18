using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>Slack log messages, event ids 2xxx. None carries a token, a secret or a request body.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Refused Slack request to {Path}: {Verdict}")]
    public static partial void SlackRequestRefused(this ILogger logger, PathString path, SignatureVerdict verdict);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Refused Slack request to {Path}: body over {MaxBytes} bytes")]
    public static partial void SlackRequestTooLarge(this ILogger logger, PathString path, int maxBytes);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Bad Slack request to {Source}: {Reason}")]
    public static partial void SlackBadRequest(this ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Skipped Slack event {EventId}: already handled (retry {RetryNum})")]
    public static partial void SlackDuplicateEvent(this ILogger logger, string eventId, string? retryNum);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Slack work item {Kind} for team {TeamId} failed")]
    public static partial void SlackWorkFailed(this ILogger logger, Exception exception, string kind, string teamId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Slack API {Method} returned {Status}; retrying in {DelayMs} ms (attempt {Attempt})")]
    public static partial void SlackApiRetry(this ILogger logger, string method, string status, double delayMs, int attempt);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "No Slack token for team {TeamId}: install the app there or set Slack:BotToken")]
    public static partial void SlackNoToken(this ILogger logger, string teamId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Slack app installed in team {TeamId} ({TeamName})")]
    public static partial void SlackInstalled(this ILogger logger, string teamId, string? teamName);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Slack app removed from team {TeamId} ({EventType})")]
    public static partial void SlackUninstalled(this ILogger logger, string teamId, string eventType);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Slack work queue full or shutting down; asked Slack to retry event {EventId}")]
    public static partial void SlackQueueFull(this ILogger logger, string eventId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Slack OAuth callback refused: {Reason}")]
    public static partial void SlackOAuthRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Slack is off: set Slack:SigningSecret (HTTP) or Slack:AppToken (Socket Mode) to turn it on")]
    public static partial void SlackOff(this ILogger logger);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Slack is on: /slack/commands, /slack/events, /slack/interactions, /slack/options; OAuth install {Install}")]
    public static partial void SlackOn(this ILogger logger, string install);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Slack is rate-limiting event deliveries for team {TeamId} (over 30,000 an hour)")]
    public static partial void SlackEventsRateLimited(this ILogger logger, string teamId);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Store unavailable; asked Slack to retry event {EventId}")]
    public static partial void SlackEventStoreUnavailable(this ILogger logger, string eventId);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Information, Message = "Slack is on in Socket Mode only: no /slack routes (Slack:SigningSecret is not set)")]
    public static partial void SlackSocketModeOnly(this ILogger logger);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Warning, Message = "Could not read the time zone of Slack user {UserId} ({Error}): is the users:read scope granted?")]
    public static partial void SlackUserUnknown(this ILogger logger, string userId, string error);

    [LoggerMessage(EventId = 2027, Level = LogLevel.Warning, Message = "users.info failed in team {TeamId} ({Error}); the person is not taken for an admin")]
    public static partial void SlackAdminUnknown(this ILogger logger, string teamId, string error);

    [LoggerMessage(EventId = 2028, Level = LogLevel.Warning, Message = "Living glossary message to {Channel} in team {TeamId} failed ({Error}); the suggestion stays stored")]
    public static partial void SlackLivingPostFailed(this ILogger logger, string channel, string teamId, string error);

    [LoggerMessage(EventId = 2029, Level = LogLevel.Warning,
        Message = "A form submitted in team {TeamId} could not be saved ({Reason}); the modal stays open with what was typed")]
    public static partial void SlackSubmissionNotSaved(this ILogger logger, string teamId, string reason);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Warning,
        Message = "A form submitted in team {TeamId} was carried out, but the work queue is full or shutting down: only the modal says what was done")]
    public static partial void SlackSubmissionUnannounced(this ILogger logger, string teamId);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Warning, Message = "The suggestion form could not be opened in team {TeamId} ({Error}); the person is told to ask again")]
    public static partial void SlackFormNotOpened(this ILogger logger, string teamId, string error);
}
