using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>
/// Answers what the router queued: runs the bot, draws the Adaptive Card and sends it through the connector; a 403 (bot
/// removed or blocked) also drops the conversation reference.
/// </summary>
internal sealed class TeamsWorker(TeamsWorkQueue queue, Bot bot, AdaptiveCardRenderer renderer, TeamsConnectorClient connector,
    IConversationReferenceStore references, FormSubmissions submissions, ILogger<TeamsWorker> log) : ChatWorker<TeamsWork>(queue, bot, 4, log)
{
    /// <summary>Teams with more members than this get no welcome: in a big team it is noise for most of them.</summary>
    public const int LargeTeam = 100;

    /// <summary>A submitted form is checked, then stored and sent for review (or, a curator's edit, approved); otherwise the bot answers.</summary>
    protected override async Task<Reply> ReplyAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        if (work is not { Form: { } form, Request: { } request })
            return await base.ReplyAsync(work, cancellationToken);
        var scope = await Bot.ScopeAsync(request, cancellationToken);
        var (draft, errors) = SuggestionForm.Check(form.Input, scope, form.SuggestionId, form.TermSlug);
        return draft is null ? errors! : await submissions.SubmitAsync(request, draft, form.SuggestionId, form.TermSlug, scope, cancellationToken);
    }

    protected override async Task DeliverAsync(TeamsWork work, Reply reply, CancellationToken cancellationToken)
    {
        if (work.WelcomeTeamId is { } team && await TeamSizeAsync(work.ServiceUrl, team, cancellationToken) is > LargeTeam)
        {
            log.TeamsWelcomeSkipped(work.ConversationId, LargeTeam);
            return;
        }
        try
        {
            var card = work.Request is null && reply is Reply.Help help ? AdaptiveCardRenderer.Welcome(help) : renderer.Render(reply);
            await connector.SendAsync(work.ServiceUrl, work.ConversationId, work.ReplyToId, OutgoingActivity.Message(work.Bot, work.ConversationId, work.User, work.ReplyToId, card), cancellationToken);
        }
        catch (TeamsConnectorException ex) when (ex.WritesBlocked)
        {
            log.TeamsSendFailed(ex, work.ConversationId);
            await references.DeleteAsync(work.ConversationId, cancellationToken);
        }
    }

    protected override void LogFailure(TeamsWork work, Exception exception) => log.TeamsSendFailed(exception, work.ConversationId);

    /// <summary>A form may have been stored before the failure, so whoever sent it is not simply told to send it again.</summary>
    protected override (TeamsWork Work, Reply Notice)? WhenFailed(TeamsWork work, Exception failure) => work.Form is null
        ? base.WhenFailed(work, failure)
        : (work, new Reply.Notice("Something went wrong on AlignBot's side while handling the form, and it has been logged. It may have been "
            + "saved already: look it up before sending it again."));

    /// <summary>The team's size up to <see cref="LargeTeam"/> + 1, or null when the roster cannot be read (then the welcome goes out).</summary>
    private async Task<int?> TeamSizeAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.CountMembersAsync(serviceUrl, teamId, LargeTeam, cancellationToken);
        }
        catch (Exception ex) when (ex is TeamsConnectorException or System.Text.Json.JsonException)
        {
            log.TeamsRosterUnavailable(ex, teamId);
            return null;
        }
    }
}
