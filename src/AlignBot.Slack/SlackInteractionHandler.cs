using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// Interactions, verified, from either transport: button presses and term-picker choices on AlignBot's cards. The click becomes a
/// <see cref="ChatRequest"/> queued for <see cref="SlackWorker"/>, which answers through the payload's response_url (a click in the
/// Home tab, which has none, in the person's messages with the app, or as a modal for a form). On a private card
/// the new card replaces the old one; on a public card it goes privately to the person who clicked; Share in channel
/// removes the private card and posts the same card publicly. The living glossary's buttons open the suggestion form as a
/// modal (Suggest, Add definition, Edit on a suggestion or on a workspace term), decide a suggestion (Approve, Reject: the review message then shows the outcome)
/// or rate a card; a submitted modal is <see cref="SlackViewSubmission"/>'s.
/// </summary>
internal sealed class SlackInteractionHandler(SlackWorkQueue queue, TermGlossary glossary, WorkspaceGlossaries workspaces, Bot bot, FormSubmissions submissions,
    ReplayGuard replays, IOptions<SlackOptions> options, ILogger<SlackInteractionHandler> log)
{
    /// <param name="root">The interaction payload (the form's <c>payload</c> over HTTP, the envelope's over a socket).</param>
    /// <param name="source">Where it came from, for log lines: the path or the socket.</param>
    /// <param name="cancellationToken">Fires when the answer is no longer wanted.</param>
    public async Task<SlackAck> HandleAsync(JsonElement root, string source, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Bad(source, "expected a payload holding a JSON object");
        if (root.Str("type") == "view_submission")
            return await SlackViewSubmission.HandleAsync(root, source, bot, submissions, queue, replays, options.Value, log, cancellationToken);
        if (root.Str("type") != "block_actions")
            return Bad(source, "unsupported interaction type");
        if (root.Arr("actions").FirstOrDefault() is not { ValueKind: JsonValueKind.Object } action || action.Str("action_id") is not { } actionId)
            return Bad(source, "block_actions without an action");
        var user = root.Str("user", "id") ?? "";
        var team = root.Str("team", "id") ?? root.Str("user", "team_id") ?? "";
        var value = action.Str("value") ?? action.Str("selected_option", "value") ?? "";
        if (root.Str("view", "type") == "home")
        {
            // The Home tab has no response_url: a card goes to the person's direct messages with the app, a curator's
            // decision or form through the same intents as on the review message (SlackWork.FromHome).
            if (user.Length == 0)
                return Bad(source, "Home tab click without a user");
            var kind = SlackActions.Prefix(actionId);
            SlackWork? fromHome = kind switch
            {
                ActionIds.ShowTerm or SlackActions.PickTerm => new SlackWork.Answer(team, Click(ChatAction.ShowTerm(value), user, team), user, null),
                ActionIds.Approve or ActionIds.Reject => new SlackWork.FromHome(team, Click(new ChatAction(kind, value), user, team), user, null),
                ActionIds.Edit or ActionIds.AddDefinition => new SlackWork.FromHome(team, Click(new ChatAction(kind, value), user, team), user, root.Str("trigger_id")),
                _ => null,
            };
            return fromHome is null ? Bad(source, "unknown action id in the Home tab") : await EnqueueOnceAsync(root, action, team, fromHome, cancellationToken);
        }
        if (options.Value.AllowedResponseUrl(root.Str("response_url")) is not { } responseUrl)
            return Bad(source, "block_actions without a response_url that is https on an allowed host");
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
                if (SlackReplyKey.ToAction(value, await workspaces.ScopeAsync(glossary, new WorkspaceKey(Platform.Slack, team), cancellationToken)) is not { } shared)
                    return Bad(source, "share of an unknown card");
                work = new SlackWork.Respond(team, Click(shared, user, team), responseUrl, SlackCard.Public with { SharedBy = user },
                    SlackPlacement.InChannel);
                break;
            case ActionIds.Suggest or ActionIds.AddDefinition or ActionIds.Edit or ActionIds.EditTerm:
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
                return SlackAck.Ok;   // a link button: Slack opens the page itself
            default:
                return Bad(source, "unknown action id");
        }

        return await EnqueueOnceAsync(root, action, team, work, cancellationToken);
    }

    /// <summary>Queues the click's work unless it is a replay of one already taken.</summary>
    private async Task<SlackAck> EnqueueOnceAsync(JsonElement root, JsonElement action, string team, SlackWork work, CancellationToken cancellationToken)
    {
        var click = ClickId(root, action);
        if (click is not null && await replays.IsReplayAsync(SlackReplays.Interaction, team, click, SlackReplays.KeepFor, cancellationToken))
            return SlackAck.Ok;
        if (!queue.TryEnqueue(work))
        {
            if (click is not null)
                await replays.ReleaseAsync(SlackReplays.Interaction, team, click);
            return SlackAck.RetryLater;
        }
        return SlackAck.Ok;
    }

    /// <summary>What makes a click unique: its trigger_id and action_ts (Slack sends both); null when it has neither.</summary>
    private static string? ClickId(JsonElement root, JsonElement action) =>
        (root.Str("trigger_id"), action.Str("action_ts")) is (null, null) ? null : $"{root.Str("trigger_id")}/{action.Str("action_ts")}";

    private static ChatRequest Click(ChatAction action, string user, string team) =>
        ChatRequest.Click(Platform.Slack, action, new ChatUser(user), new ChatPlace(team, ""));

    private SlackAck Bad(string source, string reason)
    {
        log.SlackBadRequest(source, reason);
        return SlackAck.Bad(reason);
    }
}
