namespace AlignBot.Chat.Stores;

/// <summary>Where a suggestion is: pending until one curator decides, then approved or rejected for good.</summary>
public enum SuggestionState
{
    Pending,
    Approved,
    Rejected,
}
