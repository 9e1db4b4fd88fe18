using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>Posts what the Slack endpoints queued: answers to mentions and DMs, late command replies, button replies.</summary>
internal sealed class SlackWorker(SlackWorkQueue queue, Bot bot, SlackRenderer renderer, SlackApiClient api, SlackTokens tokens,
    IInstallationStore installations, ILogger<SlackWorker> log) : QueueWorker<SlackWork>(queue, Consumers, log)
{
    private const int Consumers = 4;

    protected override async Task HandleAsync(SlackWork work, CancellationToken cancellationToken)
    {
        try
        {
            await DoAsync(work, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.TokenRevoked)
        {
            log.SlackWorkFailed(ex, work.GetType().Name, work.TeamId);
            await installations.DeleteAsync(work.TeamId, cancellationToken);
        }
    }

    protected override void LogFailure(SlackWork work, Exception exception) => log.SlackWorkFailed(exception, work.GetType().Name, work.TeamId);

    internal async Task DoAsync(SlackWork work, CancellationToken cancellationToken)
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
