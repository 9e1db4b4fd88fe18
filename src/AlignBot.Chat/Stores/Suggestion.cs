namespace AlignBot.Chat.Stores;

/// <summary>
/// A term someone proposed in chat, waiting for a curator or decided. <see cref="Id"/> is random and unguessable, and is
/// only ever looked up together with its <see cref="Workspace"/>, so a button from another workspace finds nothing.
/// </summary>
public sealed record Suggestion(
    string Id,
    WorkspaceKey Workspace,
    TermDraft Draft,
    string SuggestedBy,
    DateTimeOffset SuggestedAt,
    SuggestionState State = SuggestionState.Pending,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null)
{
    /// <summary>A new pending suggestion with a fresh random id.</summary>
    public static Suggestion New(WorkspaceKey workspace, TermDraft draft, string suggestedBy, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), workspace, draft, suggestedBy, at);
}
