using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// A submitted suggestion modal (<c>view_submission</c>): the fields are checked at once and errors answered inline
/// (<c>response_action: errors</c>), as Slack's 3 s allow; a valid draft is queued for <see cref="SlackWorker"/>, which
/// stores it before it notifies anyone, and the empty 200 closes the modal.
/// </summary>
internal static class SlackViewSubmission
{
    public static async Task<IResult> HandleAsync(HttpContext http, JsonElement root, Bot bot, SlackWorkQueue queue, ReplayGuard replays, SlackOptions options,
        ILogger log)
    {
        if (!root.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object || view.Str("callback_id") != SlackModal.CallbackId)
        {
            log.SlackBadRequest(http.Request.Path, "view_submission of an unknown view");
            return TypedResults.BadRequest("view_submission of an unknown view");
        }
        var user = root.Str("user", "id") ?? "";
        var team = root.Str("team", "id") ?? root.Str("user", "team_id") ?? "";
        var request = new ChatRequest(Platform.Slack, "", new ChatUser(user), new ChatPlace(team, ""));
        var (suggestionId, reviewUrl) = SlackModal.Metadata(view);
        var (draft, errors) = GlossaryCuration.Check(SlackModal.Read(view), await bot.ScopeAsync(request, http.RequestAborted), suggestionId);
        if (draft is null)
            return TypedResults.Json(SlackModal.Errors(errors!.ErrorList), SlackJson.Options);

        var submission = $"{view.Str("id")}/{view.Str("hash")}";
        if (await replays.IsReplayAsync(SlackReplays.Submission, team, submission, SlackReplays.KeepFor, http.RequestAborted))
            return TypedResults.Ok();
        if (!queue.TryEnqueue(new SlackWork.Submit(team, request, draft, suggestionId, options.AllowedResponseUrl(reviewUrl))))
        {
            await replays.ReleaseAsync(SlackReplays.Submission, team, submission);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok();
    }
}
