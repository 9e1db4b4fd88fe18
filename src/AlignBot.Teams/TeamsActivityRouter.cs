using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams;

/// <summary>
/// Dispatches an authenticated activity by type, then invoke name, as botbuilder's ActivityHandler does: messages and
/// card clicks become a <see cref="ChatRequest"/> queued for <see cref="TeamsWorker"/> (200 at once), as does a submitted
/// suggestion form (<see cref="TeamsForm"/>); invokes are
/// answered synchronously, unknown invokes with 501.
/// </summary>
internal sealed class TeamsActivityRouter(MessageExtension extension, TeamsWorkQueue queue,
    IConversationReferenceStore references, TimeProvider clock, ILogger<TeamsActivityRouter> log)
{
    public async Task<IResult> RouteAsync(Activity activity, CancellationToken cancellationToken) => (activity.Type, activity.Name) switch
    {
        ("message", _) => await OnMessageAsync(activity, cancellationToken),
        ("conversationUpdate", _) => await OnConversationUpdateAsync(activity, cancellationToken),
        ("invoke", "composeExtension/query") => TypedResults.Json(await extension.QueryAsync(activity.Value, Tenant(activity), cancellationToken)),
        ("invoke", "composeExtension/selectItem") => TypedResults.Json(await extension.SelectItemAsync(activity.Value, Tenant(activity), cancellationToken)),
        ("invoke", _) => TypedResults.StatusCode(StatusCodes.Status501NotImplemented),
        _ => TypedResults.Ok(),   // installationUpdate, typing, reactions…: acknowledged
    };

    /// <summary>The tenant an activity came from, whose own terms it may see.</summary>
    private static WorkspaceKey? Tenant(Activity activity) => activity.TenantId is { Length: > 0 } tenant ? new WorkspaceKey(Platform.Teams, tenant) : null;

    private async Task<IResult> OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ConversationId is null || activity.ServiceUrl is null)
            return TypedResults.BadRequest("message without conversation or serviceUrl");
        var action = ActionOf(activity.Value);
        var form = FormOf(activity.Value);
        if (action is null && form is null && !activity.IsPersonal && activity.Mentions.All(m => m.Id != activity.Recipient.Id))
            return TypedResults.Ok();   // in channels and group chats AlignBot answers only when mentioned
        var channel = activity.ConversationId.Split(';')[0];   // a channel thread is "19:…@thread.tacv2;messageid=…"
        var text = action is null && form is null ? TeamsText.WithoutBotMention(activity) : "";
        var mentioned = activity.Mentions.Where(m => m.Id is { Length: > 0 } && m.Id != activity.Recipient.Id).Select(m => new ChatUser(m.Id!, m.Name))
            .DistinctBy(u => u.Id).Take(20).ToList();
        var request = new ChatRequest(Platform.Teams, text, new ChatUser(activity.From.Id, activity.From.Name, activity.LocalTimezone),
            new ChatPlace(activity.TenantId ?? "", channel), action, mentioned);
        if (form is not null || action?.Id is ActionIds.Approve or ActionIds.Reject)
        {
            // Without a review channel, the review card and the suggester's outcome go in one-to-one chats opened on the
            // service URL of the conversation the suggestion or decision came from: keep how to reach it.
            await SaveReferenceAsync(activity, channel, cancellationToken);
        }
        if (form is not null)
        {
            Enqueue(activity, request, form: form);
            return TypedResults.Ok();
        }
        if (Bot.IsDailyCommand(request) || Bot.IsReviewHere(request))
        {
            // Term-of-the-day posts and suggestions for review go to the channel later: keep where and how to reach it.
            // With the store down the command itself says so, so the reference is only logged as missing here.
            await SaveReferenceAsync(activity, channel, cancellationToken);
        }
        Enqueue(activity, request);
        return TypedResults.Ok();
    }

    private async Task<IResult> OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ConversationId is not { } conversation || activity.ServiceUrl is null)
            return TypedResults.Ok();
        if (activity.MembersAdded.Contains(activity.Recipient.Id))
        {
            await SaveReferenceAsync(activity, conversation, cancellationToken);
            log.TeamsAdded(conversation, activity.ConversationType);
            // In a team's channel, only if the team is small enough (the worker reads the roster); elsewhere always.
            Enqueue(activity with { Id = null }, null, activity.ConversationType == "channel" ? activity.TeamId : null);
        }
        else if (activity.MembersRemoved.Contains(activity.Recipient.Id))
        {
            try
            {
                await references.DeleteAsync(conversation, cancellationToken);
            }
            catch (StoreUnavailableException ex)
            {
                // A stale reference only costs a 403 later, which deletes it then.
                log.TeamsStoreUnavailable(conversation, ex.Message);
            }
            log.TeamsRemoved(conversation);
        }
        return TypedResults.Ok();
    }

    /// <summary>Keeps how to reach a conversation later; with the store down, logs it and carries on answering.</summary>
    private async Task SaveReferenceAsync(Activity activity, string conversation, CancellationToken cancellationToken)
    {
        try
        {
            await references.SaveAsync(new ConversationReference(conversation, activity.ServiceUrl!, activity.ChannelId ?? "msteams", activity.Recipient.Id,
                activity.TenantId, activity.TeamId, activity.ConversationType, clock.GetUtcNow()), cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            log.TeamsStoreUnavailable(conversation, ex.Message);
        }
    }

    /// <summary>Queues <paramref name="request"/> (null: the welcome) for <see cref="TeamsWorker"/> to answer in the activity's conversation.</summary>
    private void Enqueue(Activity activity, ChatRequest? request, string? welcomeTeamId = null, TeamsForm? form = null)
    {
        if (!queue.TryEnqueue(new TeamsWork(activity.ServiceUrl!, activity.ConversationId!, activity.Id, activity.Recipient, activity.From, request, welcomeTeamId,
                form)))
            log.TeamsQueueFull(activity.ConversationId!);
    }

    /// <summary>A click on one of AlignBot's card buttons: <c>value</c> = {"alignbot":"show_term","slug":"…"}.</summary>
    private static ChatAction? ActionOf(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
            return null;
        return Activity.Str(v, TeamsActions.Key) switch
        {
            TeamsActions.ShowTerm when Activity.Str(v, "slug") is { Length: > 0 and <= 100 } slug => ChatAction.ShowTerm(slug),
            TeamsActions.Ask when Activity.Str(v, "text") is { Length: > 0 and <= 500 } text => new ChatAction(ActionIds.Ask, text),
            { } key when TeamsActions.Living.TryGetValue(key, out var id) && Activity.Str(v, "value") is { Length: > 0 and <= 500 } given => new ChatAction(id, given),
            _ => null,
        };
    }

    /// <summary>
    /// The suggestion form's Submit: its inputs beside {"alignbot":"submit_suggestion"}, and the suggestion or the workspace
    /// term a curator is editing.
    /// </summary>
    private static TeamsForm? FormOf(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || Activity.Str(v, TeamsActions.Key) != TeamsActions.SubmitSuggestion)
            return null;
        string? Field(DraftField field) => Activity.Str(v, AdaptiveCurationCards.InputId(field)) is { Length: <= 4000 } text ? TeamsText.FromInput(text) : null;
        var related = (Field(DraftField.Related) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20).ToList();
        return new TeamsForm(new DraftInput(Field(DraftField.Name), Field(DraftField.Aliases), Field(DraftField.Definition), Field(DraftField.Source), related),
            Activity.Str(v, AdaptiveCurationCards.SuggestionKey) is { Length: > 0 and <= 100 } id ? id : null,
            Activity.Str(v, AdaptiveCurationCards.TermKey) is { Length: > 0 and <= 100 } slug ? slug : null);
    }
}
