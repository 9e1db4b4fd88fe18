using AlignBot.Chat;
using AlignBot.Chat.Home;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// Answers what the Slack endpoints queued: mentions, DMs and Home tab clicks with chat.postMessage, commands and
/// clicks through their response_url (or back to a command's endpoint still waiting within its budget), and publishes
/// the Home tab of whoever opens it (again after a decision taken there). A revoked token deletes the
/// workspace's installation.
/// </summary>
internal sealed class SlackWorker(SlackWorkQueue queue, Bot bot, SlackRenderer renderer, SlackApiClient api, SlackTokens tokens,
    IInstallationStore installations, HomePages homes, CurationAnnouncements announcements, ILogger<SlackWorker> log) : ChatWorker<SlackWork>(queue, bot, Consumers, log)
{
    private const int Consumers = 4;

    protected override async Task<Reply> ReplyAsync(SlackWork work, CancellationToken cancellationToken) => work is SlackWork.Submit { Request: { } submitted } submit
        ? await announcements.AnnounceAsync(submitted, submit.Change, await Bot.ScopeAsync(submitted, cancellationToken), cancellationToken)
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

    protected override (SlackWork Work, Reply Notice)? WhenFailed(SlackWork work, Exception failure) => work switch
    {
        // The modal closed once the submission was stored, which is what it says; only telling people failed (logged).
        SlackWork.Submit => null,
        // Privately, whatever the answer's placement: a failed Share in channel must not post the failure or delete the card.
        SlackWork.Respond respond when base.WhenFailed(work, failure) is { } tell =>
            (respond with { Card = SlackCard.Private, Placement = SlackPlacement.PrivateBesidePublic }, tell.Notice),
        _ => base.WhenFailed(work, failure),
    };

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
                await PublishHomeAsync(homeToken, home.TeamId, home.UserId, cancellationToken);
                break;
            case SlackWork.FromHome fromHome:
                if (await tokens.ForTeamAsync(fromHome.TeamId, cancellationToken) is not { } clickToken)
                {
                    log.SlackNoToken(fromHome.TeamId);
                    return;
                }
                if (fromHome.TriggerId is { } homeTrigger && reply is Reply.SuggestForm homeForm)
                {
                    if (!await TryOpenFormAsync(clickToken, homeTrigger, fromHome.Request!, homeForm, reviewUrl: null, fromHome.TeamId, cancellationToken))
                        await api.PostMessageAsync(clickToken, fromHome.UserId, renderer.Public(FormNotOpened(homeForm)), threadTs: null, cancellationToken);
                }
                else
                    await api.PostMessageAsync(clickToken, fromHome.UserId, renderer.Public(reply), threadTs: null, cancellationToken);
                if (reply is Reply.Review)
                    await PublishHomeAsync(clickToken, fromHome.TeamId, fromHome.UserId, cancellationToken);
                break;
            case SlackWork.Respond { TriggerId: { } trigger, Request: { } asked } respond when reply is Reply.SuggestForm form:
                if (await tokens.ForTeamAsync(respond.TeamId, cancellationToken) is not { } formToken)
                {
                    log.SlackNoToken(respond.TeamId);
                    return;
                }
                if (!await TryOpenFormAsync(formToken, trigger, asked, form, respond.ResponseUrl, respond.TeamId, cancellationToken))
                {
                    await SendAsync(respond with { TriggerId = null }, FormNotOpened(form), cancellationToken);
                    return;
                }
                respond.Inline?.TryHand(new Reply.Notice($"Opening the form for “{form.Draft.Name}”…"));
                break;
            case SlackWork.Respond respond:
                if (respond.Inline?.TryHand(reply) == true || respond.ResponseUrl is null)
                    return;
                // A decided review takes the place of the message its button was on; anything else follows the work's placement.
                var placement = reply is Reply.Review ? SlackPlacement.ReplacePrivate : respond.Placement;
                await api.RespondAsync(respond.ResponseUrl, renderer.Respond(reply, respond.Card, placement), cancellationToken);
                break;
            case SlackWork.Submit { Request: { } submitted } submit:
                if (reply is Reply.Review && submit.ReviewUrl is { } reviewUrl)
                    await api.RespondAsync(reviewUrl, renderer.Respond(reply, SlackCard.Public, SlackPlacement.ReplacePrivate), cancellationToken);
                else if (await tokens.ForTeamAsync(submit.TeamId, cancellationToken) is { } dmToken)
                    await api.PostMessageAsync(dmToken, submitted.User.Id, renderer.Public(reply), threadTs: null, cancellationToken);
                break;
        }
    }

    private async Task PublishHomeAsync(string token, string teamId, string userId, CancellationToken cancellationToken)
    {
        var page = await homes.ForAsync(new WorkspaceKey(Platform.Slack, teamId), userId, cancellationToken);
        await api.PublishHomeAsync(token, userId, SlackHomeView.Render(page), cancellationToken);
    }

    /// <summary>
    /// Opens the form, or false when Slack refuses it (one line with Slack's error): most often <c>expired_trigger_id</c>,
    /// as a trigger lives 3 s and the queue was slower than that. A revoked token still throws.
    /// </summary>
    private async Task<bool> TryOpenFormAsync(string token, string triggerId, ChatRequest asked, Reply.SuggestForm form, Uri? reviewUrl, string teamId,
        CancellationToken cancellationToken)
    {
        try
        {
            await OpenFormAsync(token, triggerId, asked, form, reviewUrl, cancellationToken);
            return true;
        }
        catch (SlackApiException ex) when (!ex.TokenRevoked)
        {
            log.SlackFormNotOpened(teamId, ex.Error);
            return false;
        }
    }

    private static Reply.Notice FormNotOpened(Reply.SuggestForm form) =>
        new($"The form for “{form.Draft.Name}” could not be opened. Ask for it again to get it.");

    /// <summary>Opens the suggestion form as a modal; <paramref name="reviewUrl"/> is where an edit's outcome replaces the review message.</summary>
    private async Task OpenFormAsync(string token, string triggerId, ChatRequest asked, Reply.SuggestForm form, Uri? reviewUrl, CancellationToken cancellationToken)
    {
        var scope = await Bot.ScopeAsync(asked, cancellationToken);
        await api.OpenViewAsync(token, triggerId, SlackModal.Suggest(form, [.. form.Draft.Related.Select(scope.Find).OfType<Glossary.Term>().Select(TermRef.Of)],
            reviewUrl), cancellationToken);
    }
}
