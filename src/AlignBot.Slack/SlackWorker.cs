using AlignBot.Chat;
using AlignBot.Chat.Living;
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
    IInstallationStore installations, GlossaryCuration curation, ILogger<SlackWorker> log) : ChatWorker<SlackWork>(queue, bot, Consumers, log)
{
    private const int Consumers = 4;

    protected override async Task<Reply> ReplyAsync(SlackWork work, CancellationToken cancellationToken) => work is SlackWork.Submit submit
        ? await curation.SubmitAsync(submit.Request, submit.Draft, submit.SuggestionId, await Bot.ScopeAsync(submit.Request, cancellationToken), cancellationToken)
        : await base.ReplyAsync(work, cancellationToken);

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
            case SlackWork.Respond { TriggerId: { } trigger } respond when reply is Reply.SuggestForm form:
                if (await tokens.ForTeamAsync(respond.TeamId, cancellationToken) is not { } formToken)
                {
                    log.SlackNoToken(respond.TeamId);
                    return;
                }
                var scope = await Bot.ScopeAsync(respond.Request, cancellationToken);
                await api.OpenViewAsync(formToken, trigger, SlackModal.Suggest(form, [.. form.Draft.Related.Select(scope.Find).OfType<Glossary.Term>().Select(TermRef.Of)],
                    respond.ResponseUrl), cancellationToken);
                respond.Inline?.TryHand(new Reply.Notice($"Opening the form to suggest “{form.Draft.Name}”…"));
                break;
            case SlackWork.Respond respond:
                if (respond.Inline?.TryHand(reply) == true || respond.ResponseUrl is null)
                    return;
                // A decided review takes the place of the message its button was on; anything else follows the work's placement.
                var placement = reply is Reply.Review ? SlackPlacement.ReplacePrivate : respond.Placement;
                await api.RespondAsync(respond.ResponseUrl, renderer.Respond(reply, respond.Card, placement), cancellationToken);
                break;
            case SlackWork.Submit submit:
                if (reply is Reply.Review && submit.ReviewUrl is { } reviewUrl)
                    await api.RespondAsync(reviewUrl, renderer.Respond(reply, SlackCard.Public, SlackPlacement.ReplacePrivate), cancellationToken);
                else if (await tokens.ForTeamAsync(submit.TeamId, cancellationToken) is { } dmToken)
                    await api.PostMessageAsync(dmToken, submit.Request.User.Id, renderer.Public(reply), threadTs: null, cancellationToken);
                break;
        }
    }
}
