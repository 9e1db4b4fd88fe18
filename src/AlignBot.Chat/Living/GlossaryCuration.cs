using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// The living glossary's chat commands and clicks, the same on every platform, each handed to the flow it belongs to:
/// suggesting (<see cref="SuggestionForm"/>), reviewing (<see cref="SuggestionReview"/>), editing and forgetting
/// workspace terms (<see cref="WorkspaceTermEditor"/>), curators (<see cref="CuratorRoster"/>) and ratings and the
/// digest (<see cref="GlossaryFeedback"/>). With the store down it says so instead of failing.
/// </summary>
public sealed class GlossaryCuration(SuggestionReview review, CurationAnnouncements announcements, WorkspaceTermEditor editor, CuratorRoster roster,
    GlossaryFeedback feedback, ILogger<GlossaryCuration> log)
{
    /// <summary>Handles a living-glossary intent; with the store down, says so instead of failing.</summary>
    public async Task<Reply> HandleAsync(ChatRequest request, Intent intent, GlossaryScope scope, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceKey.Of(request);
        try
        {
            return intent switch
            {
                Intent.SuggestTerm suggest => SuggestionForm.Prefilled(suggest.Name, scope),
                Intent.Rate rate => await feedback.RateAsync(request, rate, cancellationToken),
                Intent.Decide decide => await announcements.AnnounceAsync(request, await review.DecideAsync(request, decide.SuggestionId,
                    decide.Approve ? SuggestionState.Approved : SuggestionState.Rejected, null, scope, cancellationToken), scope, cancellationToken),
                Intent.EditSuggestion edit => await review.OpenAsync(request, edit.SuggestionId, cancellationToken),
                Intent.Curators change => await roster.ChangeAsync(request, change, cancellationToken),
                Intent.ReviewHere => await review.ReviewHereAsync(request, scope, cancellationToken),
                Intent.ForgetTerm forget => await editor.ForgetAsync(request, forget.Name, scope, cancellationToken),
                Intent.EditTerm edit => await editor.OpenAsync(request, edit.Name, scope, cancellationToken),
                Intent.Unanswered => await roster.IsCuratorAsync(workspace, request.User.Id, cancellationToken)
                    ? await feedback.DigestAsync(workspace, scope, cancellationToken)
                    : log.Refuse(request, "unanswered", "not a curator", "Only curators can see what went unanswered."),
                _ => new Reply.Notice("Sorry, I can't do that here."),
            };
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingStoreUnavailable(ex.Message);
            return new Reply.Notice("The workspace glossary cannot be reached right now. Try again in a minute; definitions still work.");
        }
    }
}
