using AlignBot.Chat;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack.Socket;

/// <summary>
/// Slack's Socket Mode transport, on when <c>Slack:AppToken</c> is set: <c>Slack:SocketConnections</c> connections,
/// each reconnecting on its own, so one being replaced loses nothing. Stopping stops taking envelopes, answers those
/// in flight (while <see cref="SlackWorker"/>, which stops after this service, still runs) and closes the sockets,
/// within the host's shutdown timeout.
/// </summary>
internal sealed class SlackSocketMode(IOptions<SlackOptions> options, SlackApiClient api, SlackEnvelopeDispatcher dispatcher, ChatMetrics metrics,
    TimeProvider clock, ILogger<SlackSocketMode> log) : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        log.SocketModeOn(settings.SocketConnections);
        return Task.WhenAll(Enumerable.Range(1, settings.SocketConnections)
            .Select(slot => Task.Run(() => new SlackSocketConnection(slot, settings, api, dispatcher, metrics, clock, log).RunAsync(stoppingToken, _abandon.Token),
                CancellationToken.None)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Envelopes in flight are given up only when the host stops waiting.
        await using var _ = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }
}
