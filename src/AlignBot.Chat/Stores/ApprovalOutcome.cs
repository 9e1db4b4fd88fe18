namespace AlignBot.Chat.Stores;

/// <summary>What <see cref="ISuggestionStore.TryApproveAsync"/> did.</summary>
public enum ApprovalOutcome
{
    /// <summary>The suggestion is approved and its term added, together.</summary>
    Approved,

    /// <summary>Nothing changed: the suggestion was not pending any more, or is not this workspace's.</summary>
    AlreadyDecided,

    /// <summary>Nothing changed: another current term of the workspace already has the slug; the suggestion stays pending.</summary>
    NameTaken,
}
