using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Testing;

/// <summary>
/// Slack's Socket Mode server on 127.0.0.1: accepts WebSockets at the URLs <see cref="FakeSlackApi"/> hands out from
/// apps.connections.open (a fresh one each time), greets each with <c>hello</c>, and lets a test send envelopes,
/// <c>disconnect</c> messages and raw frames, drop a connection abruptly or stop answering its pings, and read every
/// acknowledgement the bot sent back.
/// </summary>
public sealed class FakeSlackSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Connection> _connections = new();
    private readonly SemaphoreSlim _changed = new(0);
    private int _issued;

    private FakeSlackSocketServer(WebApplication app) => _app = app;

    /// <summary>ws://127.0.0.1:port</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every connection accepted so far, oldest first.</summary>
    public IReadOnlyList<Connection> Connections => [.. _connections];

    /// <summary>The connections still open.</summary>
    public IReadOnlyList<Connection> Open => [.. _connections.Where(c => c.IsOpen)];

    public static async Task<FakeSlackSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackSocketServer(app);
        app.Run(fake.AcceptAsync);
        await app.StartAsync();
        fake.BaseUrl = "ws" + app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()["http".Length..];
        return fake;
    }

    /// <summary>A new connection URL, as apps.connections.open returns one (each has its own ticket).</summary>
    public string NextUrl() => $"{BaseUrl}/link/?ticket={Interlocked.Increment(ref _issued)}";

    /// <summary>Waits until at least <paramref name="count"/> connections were accepted in all and returns them.</summary>
    public async Task<IReadOnlyList<Connection>> WaitForConnectionsAsync(int count, TimeSpan? timeout = null)
    {
        await Until(() => _connections.Count >= count, timeout, $"{count} Socket Mode connections");
        return Connections;
    }

    /// <summary>Waits until exactly <paramref name="count"/> connections are open.</summary>
    public async Task<IReadOnlyList<Connection>> WaitForOpenAsync(int count, TimeSpan? timeout = null)
    {
        await Until(() => Open.Count == count, timeout, $"{count} open Socket Mode connections");
        return Open;
    }

    /// <summary>Waits until some connection received an acknowledgement of <paramref name="envelopeId"/> and returns it.</summary>
    public async Task<JsonObject> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null)
    {
        JsonObject? ack = null;
        await Until(() => (ack = Acks(envelopeId).FirstOrDefault()) is not null, timeout, "an acknowledgement of " + envelopeId);
        return ack!;
    }

    /// <summary>Every acknowledgement of <paramref name="envelopeId"/> on any connection.</summary>
    public IReadOnlyList<JsonObject> Acks(string envelopeId) =>
        [.. _connections.SelectMany(c => c.Received).OfType<JsonObject>().Where(a => (string?)a["envelope_id"] == envelopeId)];

    private async Task Until(Func<bool> condition, TimeSpan? timeout, string what)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The fake Slack socket server saw no " + what);
            await _changed.WaitAsync(TimeSpan.FromMilliseconds(50));
        }
    }

    private void Changed() => _changed.Release();

    private async Task AcceptAsync(HttpContext http)
    {
        if (http.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true } upgrade || !http.Request.Path.StartsWithSegments("/link")
            || http.Request.Headers.SecWebSocketKey.ToString() is not { Length: > 0 } key)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // The handshake by hand (RFC 6455 §4.2.2), so the connection's stream can be frozen to stop answering pings.
        http.Response.Headers.Connection = "Upgrade";
        http.Response.Headers.Upgrade = "websocket";
        http.Response.Headers.SecWebSocketAccept = Convert.ToBase64String(
            System.Security.Cryptography.SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        var stream = new FreezableStream(await upgrade.UpgradeAsync());
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
        var connection = new Connection(socket, stream, http.Abort, http.Request.QueryString.Value ?? "", Changed);
        _connections.Enqueue(connection);
        await connection.SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = _connections.Count(c => c.IsOpen) });
        Changed();
        await connection.RunAsync(_app.Lifetime.ApplicationStopping);
        Changed();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
            connection.Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _changed.Dispose();
    }

    /// <summary>One accepted Socket Mode connection, seen from Slack's side.</summary>
    public sealed class Connection(WebSocket socket, FreezableStream stream, Action abortConnection, string query, Action changed)
    {
        private readonly ConcurrentQueue<JsonNode?> _received = new();
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _sending = new(1, 1);
        private int _envelopes;

        /// <summary>The query of the URL it was opened with (each apps.connections.open hands out a fresh one).</summary>
        public string Query { get; } = query;

        /// <summary>Every message the bot sent on it (its acknowledgements), parsed.</summary>
        public IReadOnlyList<JsonNode?> Received => [.. _received];

        public bool IsOpen => !_ended.Task.IsCompleted;

        /// <summary>Sends an envelope of <paramref name="type"/> carrying <paramref name="payload"/>; returns its envelope id.</summary>
        public async Task<string> SendEnvelopeAsync(string type, JsonNode payload, bool acceptsResponsePayload = false, int? retryAttempt = null,
            string? envelopeId = null)
        {
            var id = envelopeId ?? $"{Guid.NewGuid():D}";
            var envelope = new JsonObject
            {
                ["envelope_id"] = id,
                ["type"] = type,
                ["payload"] = payload.DeepClone(),
                ["accepts_response_payload"] = acceptsResponsePayload,
            };
            if (retryAttempt is { } attempt)
            {
                envelope["retry_attempt"] = attempt;
                envelope["retry_reason"] = "timeout";
            }
            Interlocked.Increment(ref _envelopes);
            await SendAsync(envelope);
            return id;
        }

        /// <summary>Slack's <c>disconnect</c> with <paramref name="reason"/> (refresh_requested, warning, link_disabled).</summary>
        public Task SendDisconnectAsync(string reason) =>
            SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } });

        public Task SendAsync(JsonNode message) => SendRawAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

        /// <summary>Sends any bytes as one text message (bad envelopes).</summary>
        public async Task SendRawAsync(byte[] utf8, WebSocketMessageType type = WebSocketMessageType.Text)
        {
            await _sending.WaitAsync();
            try
            {
                await socket.SendAsync(utf8, type, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }

        /// <summary>Drops the connection without a close handshake, as a failing network or server does.</summary>
        public void Drop()
        {
            try
            {
                abortConnection();   // the TCP connection goes at once, as when a network or a server fails
                socket.Abort();
            }
            catch (ObjectDisposedException)
            {
                // it had ended already
            }
            _ended.TrySetResult();
        }

        /// <summary>Stops reading and writing on the connection, leaving it open: pings go unanswered, a silent, half-dead link.</summary>
        public void Stall() => stream.Freeze();

        /// <summary>Completes when the connection has ended (closed by the bot, dropped, or stalled and then abandoned).</summary>
        public Task Ended => _ended.Task;

        internal async Task RunAsync(CancellationToken stopping)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseSent)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult frame;
                    do
                    {
                        frame = await socket.ReceiveAsync(buffer, stopping);
                        message.Write(buffer, 0, frame.Count);
                    }
                    while (!frame.EndOfMessage);
                    if (frame.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        break;
                    }
                    _received.Enqueue(JsonNode.Parse(message.ToArray()));
                    changed();
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // dropped by either side
            }
            _ended.TrySetResult();
        }
    }
}
