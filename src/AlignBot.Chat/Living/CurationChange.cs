using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Living;

/// <summary>
/// What a submitted form or a curator's decision changed in the store, before anyone is told: the first half of a
/// submission, which a platform can carry out while the person still waits (Slack's modal closes only once it is stored),
/// leaving the messages to the curators and the person for later (<see cref="CurationAnnouncements"/>).
/// </summary>
public abstract record CurationChange
{
    private CurationChange() { }

    /// <summary>A new suggestion, stored and pending; the curators are still to be told.</summary>
    public sealed record Suggested(Suggestion Suggestion) : CurationChange;

    /// <summary>A suggestion approved (as edited, for a curator's edit) or rejected, committed.</summary>
    public sealed record Decided(Suggestion Suggestion) : CurationChange;

    /// <summary>A curator's edit of a workspace term, stored as its new revision.</summary>
    public sealed record TermEdited(WorkspaceKey Workspace, TermDraft Draft) : CurationChange;

    /// <summary>Nothing stored (not a curator, the daily limit, already decided, a name taken): what the person is told.</summary>
    public sealed record Refused(Reply.Notice Note) : CurationChange;
}
