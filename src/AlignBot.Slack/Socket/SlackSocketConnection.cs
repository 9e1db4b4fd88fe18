using System.Net.WebSockets;
using AlignBot.Chat;
using AlignBot.Chat.Daily;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack.Socket;

/// <summary>
/// One of the process's Socket Mode connections, kept open until the host stops: asks apps.connections.open for a
/// fresh URL, connects, runs a <see cref="SocketSession"/>, and when that ends opens another. A routine
/// <c>disconnect</c> reconnects at once; a drop reconnects at once the first time and then after 1 s, 2 s, 4 s … (at
/// most a minute, jittered); a refused app token is one Error line and retries after 5 s, 10 s … (at most 5 minutes),
/// never a tight loop. All waiting is on the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SlackSocketConnection(int slot, SlackOptions options, SlackApiClient api, SlackEnvelopeDispatcher dispatcher,
    ChatMetrics metrics, TimeProvider clock, ILogger log)
{
    private static readonly (TimeSpan First, TimeSpan Longest) AfterDrop = (TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    private static readonly (TimeSpan First, TimeSpan Longest) AfterRefusal = (TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    /// <summary>Runs until <paramref name="stopping"/> fires; returns once the last socket's envelopes are answered and it is closed.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abandon)
    {
        var failures = 0;
        string? refused = null;
        var closing = new List<Task>();   // sessions replaced while envelopes of theirs were still in flight
        while (!stopping.IsCancellationRequested)
        {
            Uri url;
            try
            {
                url = await api.OpenConnectionAsync(options.AppToken, stopping);
            }
            catch (SlackApiException ex) when (ex.AppTokenRefused)
            {
                var delay = Backoff(AfterRefusal, ++failures);
                if (refused != ex.Error)
                    log.SocketTokenRefused(ex.Error, delay.TotalMilliseconds);
                else
                    log.SocketTokenStillRefused(ex.Error, delay.TotalMilliseconds);
                refused = ex.Error;
                await WaitAsync(delay, stopping);
                continue;
            }
            catch (SlackApiException ex)
            {
                await DroppedAsync(ex.Error, ++failures, stopping);
                continue;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            refused = null;

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = options.SocketPingInterval;
            socket.Options.KeepAliveTimeout = options.SocketPingInterval;
            try
            {
                await socket.ConnectAsync(url, stopping);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException)
            {
                socket.Dispose();
                if (!stopping.IsCancellationRequested)
                    await DroppedAsync("could not connect", ++failures, stopping);
                continue;
            }
            var session = new SocketSession(socket, slot, options.MaxBodyBytes, dispatcher, api, metrics, log);
            var end = await session.RunAsync(() => failures = 0, stopping, abandon);
            closing.RemoveAll(task => task.IsCompleted);
            closing.Add(session.Closed);
            if (end == SocketEnd.Stopping)
                break;
            if (!SocketEnd.IsRoutine(end))
                await DroppedAsync(end, ++failures, stopping);
        }
        await Task.WhenAll(closing);   // the shutdown drain: every envelope taken is answered before its socket closes
    }

    private async Task DroppedAsync(string reason, int failures, CancellationToken stopping)
    {
        var delay = failures <= 1 ? TimeSpan.Zero : Backoff(AfterDrop, failures - 1);
        log.SocketDropped(slot, reason, delay.TotalMilliseconds);
        await WaitAsync(delay, stopping);
    }

    private static TimeSpan Backoff((TimeSpan First, TimeSpan Longest) range, int failures) =>
        new RetryBackoff(range.First, range.Longest, 0.8 + Random.Shared.NextDouble() * 0.4).After(failures);

    private async Task WaitAsync(TimeSpan delay, CancellationToken stopping)
    {
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, clock, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
