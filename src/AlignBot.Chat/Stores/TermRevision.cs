namespace AlignBot.Chat.Stores;

/// <summary>One entry in a workspace term's history: what it said after the change, what the change was, who made it and when.</summary>
public sealed record TermRevision(WorkspaceTerm Term, TermChange Change, string ChangedBy, DateTimeOffset ChangedAt);
