using AlignBot.Chat.Living;

namespace AlignBot.Teams;

/// <summary>
/// A submitted suggestion form: its fields, and the suggestion or the approved workspace term a curator is editing (both
/// null for a new suggestion).
/// </summary>
internal sealed record TeamsForm(DraftInput Input, string? SuggestionId, string? TermSlug);
