using AlignBot.Web;
using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// <c>/slack/interactions</c>: button presses and term-picker choices on AlignBot's cards. The click becomes a
/// <see cref="ChatRequest"/> queued for <see cref="SlackWorker"/>, which answers through the payload's response_url. On a private card
/// the new card replaces the old one; on a public card it goes privately to the person who clicked; Share in channel
/// removes the private card and posts the same card publicly. The living glossary's buttons open the suggestion form as a
/// modal (Suggest, Add definition, Edit), decide a suggestion (Approve, Reject: the review message then shows the outcome)
/// or rate a card; a submitted modal is <see cref="SlackViewSubmission"/>'s.
/// </summary>
internal static class SlackInteractionsEndpoint
{
    public static async Task<IResult> Handle(HttpContext http, SlackWorkQueue queue, TermGlossary glossary, WorkspaceGlossaries workspaces, Bot bot,
        ReplayGuard replays, IOptions<SlackOptions> options, ILogger<SlackWorkQueue> log)
    {
        var form = SlackForm.Parse(http.Features.GetRequiredFeature<RawBody>().Bytes);
        using var payload = form["payload"] is { } json ? Json.TryParse(json) : null;
        if (payload is null || payload.RootElement.ValueKind != JsonValueKind.Object)
            return Bad(http, log, "expected a form field 'payload' holding a JSON object");
        var root = payload.RootElement;
        if (root.Str("type") == "view_submission")
            return await SlackViewSubmission.HandleAsync(http, root, bot, queue, replays, options.Value, log);
        if (root.Str("type") != "block_actions")
            return Bad(http, log, "unsupported interaction type");
        if (root.Arr("actions").FirstOrDefault() is not { ValueKind: JsonValueKind.Object } action || action.Str("action_id") is not { } actionId)
            return Bad(http, log, "block_actions without an action");
        if (options.Value.AllowedResponseUrl(root.Str("response_url")) is not { } responseUrl)
            return Bad(http, log, "block_actions without a response_url that is https on an allowed host");
        var user = root.Str("user", "id") ?? "";
        var team = root.Str("team", "id") ?? root.Str("user", "team_id") ?? "";
        var value = action.Str("value") ?? action.Str("selected_option", "value") ?? "";
        var privateCard = root.Bool("container", "is_ephemeral");

        var follow = privateCard ? SlackPlacement.ReplacePrivate : SlackPlacement.PrivateBesidePublic;
        SlackWork work;
        switch (SlackActions.Prefix(actionId))
        {
            case ActionIds.ShowTerm or SlackActions.PickTerm:
                work = new SlackWork.Respond(team, Click(ChatAction.ShowTerm(value), user, team), responseUrl, SlackCard.Private, follow);
                break;
            case ActionIds.Ask:
                work = new SlackWork.Respond(team, Click(new ChatAction(ActionIds.Ask, value), user, team), responseUrl, SlackCard.Private, follow);
                break;
            case SlackActions.ReadMore:
                work = new SlackWork.Respond(team, Click(ChatAction.ShowTerm(value), user, team), responseUrl, SlackCard.Private with { Expanded = true }, follow);
                break;
            case SlackActions.Share:
                if (SlackReplyKey.ToAction(value, await ScopeAsync(glossary, workspaces, team, http.RequestAborted)) is not { } shared)
                    return Bad(http, log, "share of an unknown card");
                work = new SlackWork.Respond(team, Click(shared, user, team), responseUrl, SlackCard.Public with { SharedBy = user },
                    SlackPlacement.InChannel);
                break;
            case ActionIds.Suggest or ActionIds.AddDefinition or ActionIds.Edit:
                // The form opens as a modal on the click's trigger (a refusal or an "already defined" card comes back instead).
                work = new SlackWork.Respond(team, Click(new ChatAction(SlackActions.Prefix(actionId), value), user, team), responseUrl, SlackCard.Private,
                    SlackPlacement.PrivateBesidePublic, TriggerId: root.Str("trigger_id"));
                break;
            case ActionIds.Approve or ActionIds.Reject:
                // The decided review replaces the message (SlackWorker); a refusal goes privately to whoever clicked.
                work = new SlackWork.Respond(team, Click(new ChatAction(actionId, value), user, team), responseUrl, SlackCard.Public,
                    SlackPlacement.PrivateBesidePublic);
                break;
            case ActionIds.Helpful or ActionIds.NotHelpful:
                work = new SlackWork.Respond(team, Click(new ChatAction(actionId, value), user, team), responseUrl, SlackCard.Private,
                    SlackPlacement.PrivateBesidePublic);
                break;
            case SlackActions.OpenPage:
                return TypedResults.Ok();   // a link button: Slack opens the page itself
            default:
                return Bad(http, log, "unknown action id");
        }

        var click = ClickId(root, action);
        if (click is not null && await replays.IsReplayAsync(SlackReplays.Interaction, team, click, SlackReplays.KeepFor, http.RequestAborted))
            return TypedResults.Ok();
        if (!queue.TryEnqueue(work))
        {
            if (click is not null)
                await replays.ReleaseAsync(SlackReplays.Interaction, team, click);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok();
    }

    /// <summary>The corpus and the workspace's own terms; the corpus alone while the store is down.</summary>
    private static async Task<GlossaryScope> ScopeAsync(TermGlossary glossary, WorkspaceGlossaries workspaces, string team, CancellationToken cancellationToken)
    {
        try
        {
            return new GlossaryScope(glossary, await workspaces.GetAsync(new WorkspaceKey(Platform.Slack, team), cancellationToken));
        }
        catch (StoreUnavailableException)
        {
            return new GlossaryScope(glossary);
        }
    }

    /// <summary>What makes a click unique: its trigger_id and action_ts (Slack sends both); null when it has neither.</summary>
    private static string? ClickId(JsonElement root, JsonElement action) =>
        (root.Str("trigger_id"), action.Str("action_ts")) is (null, null) ? null : $"{root.Str("trigger_id")}/{action.Str("action_ts")}";

    private static ChatRequest Click(ChatAction action, string user, string team) =>
        ChatRequest.Click(Platform.Slack, action, new ChatUser(user), new ChatPlace(team, ""));

    private static BadRequest<string> Bad(HttpContext http, ILogger log, string reason)
    {
        log.SlackBadRequest(http.Request.Path, reason);
        return TypedResults.BadRequest(reason);
    }
}
