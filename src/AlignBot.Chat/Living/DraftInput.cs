namespace AlignBot.Chat.Living;

/// <summary>The suggestion form's fields as submitted, unchecked (see <see cref="DraftCheck"/>).</summary>
public sealed record DraftInput(string? Name, string? Aliases, string? Definition, string? Source, IReadOnlyList<string> Related);
