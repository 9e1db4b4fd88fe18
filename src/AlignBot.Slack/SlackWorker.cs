using AlignBot.Chat;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// Drains <see cref="SlackWorkQueue"/> with a few concurrent consumers, so one slow Slack call does not hold up the
/// rest. It is the error boundary: a failed item is logged and dropped, never crashes the host.
/// </summary>
internal sealed class SlackWorker(SlackWorkQueue queue, Bot bot, SlackRenderer renderer, SlackApiClient api, SlackTokens tokens,
    IInstallationStore installations, ILogger<SlackWorker> log) : BackgroundService
{
    private const int Consumers = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Consumers).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(work, stoppingToken);
                }
                catch (SlackApiException ex) when (ex.TokenRevoked)
                {
                    log.SlackWorkFailed(ex, work.GetType().Name, work.TeamId);
                    await installations.DeleteAsync(work.TeamId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    log.SlackWorkFailed(ex, work.GetType().Name, work.TeamId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task HandleAsync(SlackWork work, CancellationToken cancellationToken)
    {
        switch (work)
        {
            case SlackWork.Answer answer:
                var message = renderer.Public(await bot.HandleAsync(answer.Request, cancellationToken));
                if (await tokens.ForTeamAsync(answer.TeamId, cancellationToken) is not { } token)
                {
                    log.SlackNoToken(answer.TeamId);
                    return;
                }
                await api.PostMessageAsync(token, answer.Channel, message, answer.ThreadTs, cancellationToken);
                break;
            case SlackWork.Finish finish:
                var late = renderer.Private(await finish.Reply);
                late["response_type"] = "ephemeral";
                await api.RespondAsync(finish.ResponseUrl, late, cancellationToken);
                break;
            case SlackWork.Respond respond:
                await api.RespondAsync(respond.ResponseUrl, respond.Message, cancellationToken);
                break;
        }
    }
}
