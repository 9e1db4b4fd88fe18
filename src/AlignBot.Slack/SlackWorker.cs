using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// Answers what the Slack endpoints queued: mentions and DMs with chat.postMessage, commands and clicks through their
/// response_url (or back to a command's endpoint still waiting within its budget). A revoked token deletes the
/// workspace's installation.
/// </summary>
internal sealed class SlackWorker(SlackWorkQueue queue, Bot bot, SlackRenderer renderer, SlackApiClient api, SlackTokens tokens,
    IInstallationStore installations, ILogger<SlackWorker> log) : ChatWorker<SlackWork>(queue, bot, Consumers, log)
{
    private const int Consumers = 4;

    protected override async Task DeliverAsync(SlackWork work, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(work, reply, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.TokenRevoked)
        {
            log.SlackWorkFailed(ex, work.GetType().Name, work.TeamId);
            await installations.DeleteAsync(work.TeamId, cancellationToken);
        }
    }

    protected override void LogFailure(SlackWork work, Exception exception) => log.SlackWorkFailed(exception, work.GetType().Name, work.TeamId);

    private async Task SendAsync(SlackWork work, Reply reply, CancellationToken cancellationToken)
    {
        switch (work)
        {
            case SlackWork.Answer answer:
                if (await tokens.ForTeamAsync(answer.TeamId, cancellationToken) is not { } token)
                {
                    log.SlackNoToken(answer.TeamId);
                    return;
                }
                await api.PostMessageAsync(token, answer.Channel, renderer.Public(reply), answer.ThreadTs, cancellationToken);
                break;
            case SlackWork.Respond respond:
                if (respond.Inline?.TryHand(reply) == true || respond.ResponseUrl is null)
                    return;
                await api.RespondAsync(respond.ResponseUrl, renderer.Respond(reply, respond.Card, respond.Placement), cancellationToken);
                break;
        }
    }
}
