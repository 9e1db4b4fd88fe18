using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// A submitted suggestion modal (<c>view_submission</c>): the fields are checked at once and errors answered inline
/// (<c>response_action: errors</c>), as Slack's 3 s allow; a valid draft is queued for <see cref="SlackWorker"/>, which
/// stores it before it notifies anyone, and the empty 200 closes the modal.
/// </summary>
internal static class SlackViewSubmission
{
    /// <summary>Checks and queues the submission in <c>root</c> (from either transport; <c>source</c> names it in log lines).</summary>
    public static async Task<SlackAck> HandleAsync(JsonElement root, string source, Bot bot, SlackWorkQueue queue, ReplayGuard replays, SlackOptions options,
        ILogger log, CancellationToken cancellationToken)
    {
        if (!root.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object || view.Str("callback_id") != SlackModal.CallbackId)
        {
            log.SlackBadRequest(source, "view_submission of an unknown view");
            return SlackAck.Bad("view_submission of an unknown view");
        }
        var user = root.Str("user", "id") ?? "";
        var team = root.Str("team", "id") ?? root.Str("user", "team_id") ?? "";
        var request = new ChatRequest(Platform.Slack, "", new ChatUser(user), new ChatPlace(team, ""));
        var (suggestionId, reviewUrl, termSlug) = SlackModal.Metadata(view);
        var (draft, errors) = GlossaryCuration.Check(SlackModal.Read(view), await bot.ScopeAsync(request, cancellationToken), suggestionId, termSlug);
        if (draft is null)
            return SlackAck.Json(JsonSerializer.SerializeToUtf8Bytes(SlackModal.Errors(errors!.ErrorList), SlackJson.Options));

        var submission = $"{view.Str("id")}/{view.Str("hash")}";
        if (await replays.IsReplayAsync(SlackReplays.Submission, team, submission, SlackReplays.KeepFor, cancellationToken))
            return SlackAck.Ok;
        if (!queue.TryEnqueue(new SlackWork.Submit(team, request, draft, suggestionId, termSlug, options.AllowedResponseUrl(reviewUrl))))
        {
            await replays.ReleaseAsync(SlackReplays.Submission, team, submission);
            return SlackAck.RetryLater;
        }
        return SlackAck.Ok;
    }
}
