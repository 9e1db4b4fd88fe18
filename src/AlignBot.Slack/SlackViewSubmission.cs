using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// A submitted suggestion modal (<c>view_submission</c>), answered within Slack's 3 s: the fields are checked and errors
/// answered inline (<c>response_action: errors</c>); a valid draft is stored right here, and only then does the empty 200
/// close the modal, so what was typed is never lost. When the store cannot save it within <see cref="SaveBudget"/> the
/// modal stays open with everything typed and <see cref="SuggestionForm.NotSaved"/> under the first field. The messages
/// to the curators and the person (<see cref="SlackWork.Submit"/>) go out afterwards from <see cref="SlackWorker"/>; when
/// they cannot be queued (the host is stopping or overloaded), the modal turns into a note of what was done instead of
/// closing (<see cref="SlackModal.Outcome"/>).
/// </summary>
internal static class SlackViewSubmission
{
    /// <summary>How long the store may take to save a submission: Slack shows its own error after 3 s.</summary>
    public static readonly TimeSpan SaveBudget = TimeSpan.FromSeconds(2);

    /// <summary>Checks, stores and acknowledges the submission in <c>root</c> (from either transport; <c>source</c> names it in log lines).</summary>
    public static async Task<SlackAck> HandleAsync(JsonElement root, string source, Bot bot, FormSubmissions submissions, SlackWorkQueue queue,
        ReplayGuard replays, SlackOptions options, ILogger log, CancellationToken cancellationToken)
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
        var scope = await bot.ScopeAsync(request, cancellationToken);
        var (draft, errors) = SuggestionForm.Check(SlackModal.Read(view), scope, suggestionId, termSlug);
        if (draft is null)
            return Errors(errors!);
        if (!queue.IsAccepting)
            return SlackAck.RetryLater;   // shutting down or overloaded: Slack keeps the modal open and says so

        var submission = $"{view.Str("id")}/{view.Str("hash")}";
        if (await replays.IsReplayAsync(SlackReplays.Submission, team, submission, SlackReplays.KeepFor, cancellationToken))
            return SlackAck.Ok;
        if (await SaveAsync(submissions, request, draft, suggestionId, termSlug, scope, log, cancellationToken) is not { } change)
        {
            await replays.ReleaseAsync(SlackReplays.Submission, team, submission);
            return Errors(SuggestionForm.Unsaved(draft, suggestionId, termSlug));
        }
        if (queue.TryEnqueue(new SlackWork.Submit(team, request, change, options.AllowedResponseUrl(reviewUrl))))
            return SlackAck.Ok;
        log.SlackSubmissionUnannounced(team);   // done all the same: a suggestion waits for review, a decision or an edit stands
        return SlackAck.Json(JsonSerializer.SerializeToUtf8Bytes(SlackModal.Outcome(change, draft.Name), SlackJson.Options));
    }

    /// <summary>The submission stored, or null when the store could not be reached within <see cref="SaveBudget"/> (one log line).</summary>
    private static async Task<CurationChange?> SaveAsync(FormSubmissions submissions, ChatRequest request, TermDraft draft, string? suggestionId, string? termSlug,
        GlossaryScope scope, ILogger log, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(SaveBudget);
        try
        {
            return await submissions.SaveAsync(request, draft, suggestionId, termSlug, scope, budget.Token);
        }
        catch (StoreUnavailableException ex)
        {
            log.SlackSubmissionNotSaved(request.Place.WorkspaceOrTenantId, ex.Message);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            log.SlackSubmissionNotSaved(request.Place.WorkspaceOrTenantId, $"no answer from the store within {SaveBudget.TotalSeconds:0} s");
            return null;
        }
    }

    private static SlackAck Errors(Reply.SuggestForm form) =>
        SlackAck.Json(JsonSerializer.SerializeToUtf8Bytes(SlackModal.Errors(form.ErrorList), SlackJson.Options));
}
