using AlignBot.Chat.Living;

namespace AlignBot.Teams;

/// <summary>A submitted suggestion form: its fields, and the suggestion a curator is editing (null for a new suggestion).</summary>
internal sealed record TeamsForm(DraftInput Input, string? SuggestionId);
