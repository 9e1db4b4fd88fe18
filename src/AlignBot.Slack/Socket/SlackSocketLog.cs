using Microsoft.Extensions.Logging;

namespace AlignBot.Slack.Socket;

/// <summary>Slack Socket Mode log messages, event ids 2016–2023 and 2026. None carries a token, a WebSocket URL or a payload.</summary>
internal static partial class SlackSocketLog
{
    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Slack Socket Mode is on: {Connections} connections")]
    public static partial void SocketModeOn(this ILogger logger, int connections);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Information, Message = "Slack Socket Mode connection {Slot} is open")]
    public static partial void SocketConnected(this ILogger logger, int slot);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Information, Message = "Slack asked Socket Mode connection {Slot} to reconnect ({Reason})")]
    public static partial void SocketDisconnectRequested(this ILogger logger, int slot, string reason);

    [LoggerMessage(EventId = 2019, Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Slot} dropped ({Reason}); reconnecting in {DelayMs} ms")]
    public static partial void SocketDropped(this ILogger logger, int slot, string reason, double delayMs);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Error,
        Message = "Slack refused the app token ({Error}): check Slack:AppToken (an xapp- token with connections:write); retrying with backoff, next in {DelayMs} ms")]
    public static partial void SocketTokenRefused(this ILogger logger, string error, double delayMs);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Slack still refuses the app token ({Error}); next try in {DelayMs} ms")]
    public static partial void SocketTokenStillRefused(this ILogger logger, string error, double delayMs);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning, Message = "Bad Socket Mode envelope on connection {Slot}: {Reason}")]
    public static partial void SocketBadEnvelope(this ILogger logger, int slot, string reason);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning, Message = "Could not acknowledge Socket Mode envelope {EnvelopeId}: the connection closed first")]
    public static partial void SocketAckLost(this ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 2026, Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} ({Type}) failed; left unacknowledged for Slack to deliver again")]
    public static partial void SocketEnvelopeFailed(this ILogger logger, Exception exception, string envelopeId, string type);
}
