namespace AlignBot.Chat.Stores;

/// <summary>
/// What a person proposes for a workspace term, and what a curator approves: the name, other names and acronyms, a
/// plain-text definition, an optional https source and the slugs of related terms. Shared by suggestions and approved
/// terms, so an approved term is exactly the draft a curator saw (or edited).
/// </summary>
public sealed record TermDraft(string Name, IReadOnlyList<string> Aliases, string Definition, string? SourceUrl, IReadOnlyList<string> Related);
