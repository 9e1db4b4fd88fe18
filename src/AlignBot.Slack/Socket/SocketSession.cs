using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack.Socket;

/// <summary>
/// The life of one Socket Mode WebSocket: reads Slack's messages, hands each envelope to the
/// <see cref="SlackEnvelopeDispatcher"/> at once (so a slow one holds up no other), and acknowledges it with its
/// envelope id, carrying the immediate answer where Slack accepts one. When the socket ends (a <c>disconnect</c>, a
/// drop, a shutdown) <see cref="RunAsync"/> returns straight away so a new connection can be opened, while
/// <see cref="Closed"/> finishes the envelopes still in flight, then closes and disposes the socket. An answer whose
/// acknowledgement can no longer be sent goes to the command's response_url instead. Every envelope (every message but
/// <c>hello</c> and <c>disconnect</c>) is counted in <c>alignbot.requests</c> as its HTTP counterpart would be.
/// </summary>
internal sealed class SocketSession(ClientWebSocket socket, int slot, int maxMessageBytes, SlackEnvelopeDispatcher dispatcher, SlackApiClient api,
    ChatMetrics metrics, ILogger log) : IDisposable
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly HashSet<Task> _inFlight = [];   // the envelopes being answered; each leaves when it is done
    private volatile bool _dispatching = true;

    /// <summary>Completes once every envelope taken from this socket is answered and the socket is closed and disposed.</summary>
    public Task Closed { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Reads until the socket ends or <paramref name="stopping"/> fires; returns why it ended (a disconnect reason Slack
    /// gave, or what happened to the connection). Envelopes run on <paramref name="abandon"/>, which fires only when the
    /// host gives up waiting for them.
    /// </summary>
    public async Task<string> RunAsync(Action connected, CancellationToken stopping, CancellationToken abandon)
    {
        var receive = ReceiveAsync(connected, abandon);
        await Task.WhenAny(receive, Task.Delay(Timeout.Infinite, stopping)).ConfigureAwait(false);
        _dispatching = false;   // from here an envelope is left unacknowledged: Slack delivers it again, elsewhere
        Closed = CloseAsync(receive, abandon);
        return receive.IsCompleted ? await receive : SocketEnd.Stopping;
    }

    private async Task<string> ReceiveAsync(Action connected, CancellationToken abandon)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                var tooLarge = false;
                ValueWebSocketReceiveResult frame;
                do
                {
                    frame = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (frame.MessageType == WebSocketMessageType.Close)
                        return SocketEnd.ClosedBySlack;
                    tooLarge |= message.Length + frame.Count > maxMessageBytes;
                    if (!tooLarge)
                        message.Write(buffer, 0, frame.Count);
                }
                while (!frame.EndOfMessage);

                if (tooLarge)
                    Refuse(StatusCodes.Status413PayloadTooLarge, $"over {maxMessageBytes} bytes");
                else if (frame.MessageType != WebSocketMessageType.Text)
                    Refuse(StatusCodes.Status400BadRequest, "not a text message");
                else if (Take(message.ToArray(), connected, abandon) is { } disconnect)
                    return disconnect;
            }
        }
        catch (WebSocketException ex)
        {
            return "dropped: " + ex.WebSocketErrorCode;
        }
        catch (OperationCanceledException)
        {
            return "dropped: no answer to ping";
        }
    }

    /// <summary>Handles one message; returns the disconnect reason when it is Slack's <c>disconnect</c>.</summary>
    private string? Take(byte[] utf8, Action connected, CancellationToken abandon)
    {
        var document = Json.TryParse(utf8);
        if (document is null || SlackEnvelope.TryRead(document.RootElement) is not { } envelope)
        {
            document?.Dispose();
            Refuse(StatusCodes.Status400BadRequest, "not a JSON object");
            return null;
        }
        switch (envelope.Type)
        {
            case SlackEnvelope.Hello:
                document.Dispose();
                connected();
                log.SocketConnected(slot);
                return null;
            case SlackEnvelope.Disconnect:
                var reason = SocketEnd.Requested(envelope.Reason);
                document.Dispose();
                log.SocketDisconnectRequested(slot, reason);
                return reason;
        }
        if (envelope.EnvelopeId is null)
        {
            document.Dispose();
            Refuse(StatusCodes.Status400BadRequest, "no envelope_id");
            return null;
        }
        if (!_dispatching)
        {
            document.Dispose();
            Count(StatusCodes.Status503ServiceUnavailable);   // left unacknowledged: Slack delivers it again
            return null;
        }
        var answering = AnswerAsync(envelope, document, abandon);
        lock (_inFlight)
            _inFlight.Add(answering);
        _ = answering.ContinueWith(done =>
        {
            lock (_inFlight)
                _inFlight.Remove(done);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return null;
    }

    private async Task AnswerAsync(SlackEnvelope envelope, JsonDocument document, CancellationToken abandon)
    {
        using var _ = document;
        await Task.Yield();   // the receive loop goes on reading while this envelope is handled
        var status = StatusCodes.Status503ServiceUnavailable;   // given up on at shutdown: not acknowledged, Slack delivers it again
        try
        {
            status = await HandleAsync(envelope, abandon);
        }
        finally
        {
            Count(status);
        }
    }

    /// <summary>Hands the envelope to its handler and acknowledges it as the handler says; returns the HTTP status the same payload would have been answered with.</summary>
    private async Task<int> HandleAsync(SlackEnvelope envelope, CancellationToken abandon)
    {
        SlackAck? ack;
        try
        {
            ack = await dispatcher.DispatchAsync(envelope, abandon);
        }
        catch (AlignBot.Chat.Stores.StoreUnavailableException)
        {
            return StatusCodes.Status503ServiceUnavailable;   // not acknowledged: Slack delivers it again, as a 503 makes it over HTTP
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // This transport's counterpart of the HTTP exception handler: a bug in a handler costs this envelope and one
            // Error line, never the connection or the host. It is not acknowledged, so Slack delivers it again; a command
            // that failed has given its trigger_id claim back (SlackCommandHandler), so the redelivery is answered, as
            // after a 500 over HTTP.
            log.SocketEnvelopeFailed(ex, envelope.EnvelopeId!, envelope.Type ?? "?");
            return StatusCodes.Status500InternalServerError;
        }
        if (ack is null)
        {
            log.SocketBadEnvelope(slot, "unknown envelope type");
            await AcknowledgeAsync(envelope.EnvelopeId!, envelope.AcceptsResponsePayload, SlackAck.Ok, abandon);
            return StatusCodes.Status400BadRequest;
        }
        if (ack.Acknowledged)
            await AcknowledgeAsync(envelope.EnvelopeId!, envelope.AcceptsResponsePayload, ack, abandon);
        return ack.Status;
    }

    /// <summary>A message that is not an envelope AlignBot can take: one Warning line, counted, and the socket stays open.</summary>
    private void Refuse(int status, string reason)
    {
        log.SocketBadEnvelope(slot, reason);
        Count(status);
    }

    /// <summary>
    /// Counts one envelope in <c>alignbot.requests</c> as the HTTP middleware counts a request: Slack's platform, and the
    /// outcome of <paramref name="status"/>, the HTTP status the same payload is answered with over HTTP.
    /// </summary>
    private void Count(int status) => metrics.Request(SlackEndpoints.PlatformRoutes.Platform, HttpOutcome.Of(status));

    private async Task AcknowledgeAsync(string envelopeId, bool acceptsPayload, SlackAck ack, CancellationToken abandon)
    {
        var answer = ack.Status == 200 && ack.Body is not null ? JsonNode.Parse(ack.Body) as JsonObject : null;
        // An answer with nowhere else to go (a modal's field errors have no response_url) rides in the ack even where the
        // envelope does not say it accepts one, as Slack's own SDKs do: Slack ignores what it does not want.
        var carried = answer is not null && (acceptsPayload || ack.ResponseUrl is null);
        var frame = new JsonObject { ["envelope_id"] = envelopeId };
        if (carried)
            frame["payload"] = answer!.DeepClone();
        var sent = await TrySendAsync(JsonSerializer.SerializeToUtf8Bytes(frame, SlackJson.Options), abandon);
        if (!sent)
            log.SocketAckLost(envelopeId);
        if (answer is not null && (!sent || !carried) && ack.ResponseUrl is { } responseUrl)
        {
            try
            {
                await api.RespondAsync(responseUrl, answer, abandon);
            }
            catch (SlackApiException ex)
            {
                log.SlackWorkFailed(ex, "socket answer", "?");
            }
        }
    }

    private async Task<bool> TrySendAsync(byte[] utf8, CancellationToken abandon)
    {
        try
        {
            await _sending.WaitAsync(abandon);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        try
        {
            if (socket.State != WebSocketState.Open)
                return false;
            await socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, abandon);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Waits for the envelopes in flight, then closes the socket (if it is still open) and disposes it.</summary>
    private async Task CloseAsync(Task<string> receive, CancellationToken abandon)
    {
        Task[] inFlight;
        lock (_inFlight)
            inFlight = [.. _inFlight];
        await Task.WhenAll(inFlight).ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, abandon);
            await ((Task)receive).WaitAsync(TimeSpan.FromSeconds(1), abandon).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // the socket is going anyway
        }
        Dispose();
    }

    /// <summary>Disposes the socket; <see cref="Closed"/> does so once the envelopes in flight are answered.</summary>
    public void Dispose()
    {
        socket.Dispose();
        _sending.Dispose();
    }
}
