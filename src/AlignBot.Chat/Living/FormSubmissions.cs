using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// A checked suggestion form (<see cref="SuggestionForm.Check"/>) stored: a new suggestion (at most
/// <see cref="SuggestionsPerDay"/> a person a day), a curator's edit of a pending suggestion (which approves it), or a
/// curator's edit of a workspace term. Storing comes first and tells no one (<see cref="SaveAsync"/>), so a platform can
/// do it while the person waits; <see cref="CurationAnnouncements"/> then tells everyone.
/// </summary>
public sealed class FormSubmissions(ISuggestionStore suggestions, SuggestionReview review, WorkspaceTermEditor editor, CurationAnnouncements announcements,
    TimeProvider clock, ILogger<FormSubmissions> log)
{
    /// <summary>How many terms one person may suggest in a day.</summary>
    public const int SuggestionsPerDay = 20;

    /// <summary>
    /// Stores the form and then tells the curators and the person; returns what the person who submitted is told. When
    /// the store cannot be reached to save it, that is the form again, filled in as submitted, with
    /// <see cref="SuggestionForm.NotSaved"/>.
    /// </summary>
    public async Task<Reply> SubmitAsync(ChatRequest request, TermDraft draft, string? suggestionId, string? termSlug, GlossaryScope scope,
        CancellationToken cancellationToken)
    {
        CurationChange change;
        try
        {
            change = await SaveAsync(request, draft, suggestionId, termSlug, scope, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingStoreUnavailable(ex.Message);
            return SuggestionForm.Unsaved(draft, suggestionId, termSlug);
        }
        return await announcements.AnnounceAsync(request, change, scope, cancellationToken);
    }

    /// <summary>
    /// Stores the form and tells no one: a new suggestion; with <paramref name="suggestionId"/>, a curator's edit of a
    /// pending suggestion, which approves it as edited; with <paramref name="termSlug"/>, a curator's edit of an approved
    /// workspace term, stored as its new revision. Throws <see cref="StoreUnavailableException"/> when the store cannot be
    /// reached, and then nothing is stored.
    /// </summary>
    public async Task<CurationChange> SaveAsync(ChatRequest request, TermDraft draft, string? suggestionId, string? termSlug, GlossaryScope scope,
        CancellationToken cancellationToken)
    {
        if (termSlug is not null)
            return await editor.SaveAsync(request, termSlug, draft, cancellationToken);
        if (suggestionId is not null)
            return await review.DecideAsync(request, suggestionId, SuggestionState.Approved, draft, scope, cancellationToken);
        var workspace = WorkspaceKey.Of(request);
        var suggestion = Suggestion.New(workspace, draft, request.User.Id, clock.GetUtcNow());
        if (!await suggestions.TryAddAsync(suggestion, SuggestionsPerDay, cancellationToken))
            return new CurationChange.Refused(log.Refuse(request, "suggest", "daily limit",
                $"You have made {SuggestionsPerDay} suggestions today, the most a day. Try again tomorrow."));
        log.SuggestionStored(suggestion.Id, workspace.Id);
        return new CurationChange.Suggested(suggestion);
    }
}
