using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// The second half of a submission or a decision: tells the curators and the person about a change already stored
/// (<see cref="CurationChange"/>) and returns what the person is told. It never says the change was not made: when the
/// store goes away after it was stored (reading the review channel or a token), the reply says what stands (the
/// suggestion waits for review; the decision or edit is made) and the failure is one log line.
/// </summary>
public sealed class CurationAnnouncements(SuggestionReview review, WorkspaceTermEditor editor, ILogger<CurationAnnouncements> log)
{
    public async Task<Reply> AnnounceAsync(ChatRequest request, CurationChange change, GlossaryScope scope, CancellationToken cancellationToken)
    {
        try
        {
            return change switch
            {
                CurationChange.Suggested suggested => await review.SendAsync(request, suggested.Suggestion, scope, cancellationToken),
                CurationChange.Decided decided => await review.AnnounceAsync(request, decided.Suggestion, scope, cancellationToken),
                CurationChange.TermEdited edited => await editor.AnnounceAsync(request, edited, cancellationToken),
                CurationChange.Refused refused => refused.Note,
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
        }
        catch (Stores.StoreUnavailableException ex)
        {
            log.LivingAnnounceFailed(change.GetType().Name, Stores.WorkspaceKey.Of(request).Id, ex.Message);
            return change switch
            {
                CurationChange.Suggested suggested => new Reply.Notice($"Thanks! Your suggestion “{suggested.Suggestion.Draft.Name}” is saved. The curators will find it "
                    + "waiting for review (“review here” posts it, and it is in the app's Home tab); they could not be told just now."),
                CurationChange.Decided decided => SuggestionReview.Decided(decided.Suggestion, scope),
                CurationChange.TermEdited edited => WorkspaceTermEditor.Saved(request, edited.Draft,
                    "it answers with the new text in this workspace within a minute, once the glossary is read again"),
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
        }
    }
}
