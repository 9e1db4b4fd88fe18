using AlignBot.Chat;
using AlignBot.Chat.Home;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// Answers what the Slack endpoints queued: mentions, DMs and Home tab clicks with chat.postMessage, commands and
/// clicks through their response_url (or back to a command's endpoint still waiting within its budget), and publishes
/// the Home tab of whoever opens it. A revoked token deletes the
/// workspace's installation.
/// </summary>
internal sealed class SlackWorker(SlackWorkQueue queue, Bot bot, SlackRenderer renderer, SlackApiClient api, SlackTokens tokens,
    IInstallationStore installations, HomePages homes, ILogger<SlackWorker> log) : ChatWorker<SlackWork>(queue, bot, Consumers, log)
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

    /// <summary><c>daily on</c> without a zone carries the person's time zone from users.info.</summary>
    protected override async Task<ChatRequest> PrepareAsync(SlackWork work, ChatRequest request, CancellationToken cancellationToken)
    {
        if (!Bot.NeedsPersonsTimeZone(request))
            return request;
        try
        {
            if (await tokens.ForTeamAsync(work.TeamId, cancellationToken) is not { } token)
                return request;
            var user = await api.GetUserAsync(token, request.User.Id, cancellationToken);
            return request with { User = request.User with { TimeZone = user.TimeZone } };
        }
        catch (SlackApiException ex)
        {
            log.SlackUserUnknown(request.User.Id, ex.Error);   // the daily command says it fell back to the default zone
            return request;
        }
        catch (StoreUnavailableException)
        {
            return request;   // no token to ask with; the daily command itself says the settings cannot be reached
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
            case SlackWork.PublishHome home:
                if (await tokens.ForTeamAsync(home.TeamId, cancellationToken) is not { } homeToken)
                {
                    log.SlackNoToken(home.TeamId);
                    return;
                }
                var page = await homes.ForAsync(new ChatUser(home.UserId), new ChatPlace(home.TeamId, ""), cancellationToken);
                await api.PublishHomeAsync(homeToken, home.UserId, SlackHomeView.Render(page), cancellationToken);
                break;
            case SlackWork.Respond respond:
                if (respond.Inline?.TryHand(reply) == true || respond.ResponseUrl is null)
                    return;
                await api.RespondAsync(respond.ResponseUrl, renderer.Respond(reply, respond.Card, respond.Placement), cancellationToken);
                break;
        }
    }
}
