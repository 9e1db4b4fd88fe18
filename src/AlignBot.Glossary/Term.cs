namespace AlignBot.Glossary;

/// <summary>One reviewed glossary entry, as loaded from <c>corpus/terms/&lt;slug&gt;.md</c>.</summary>
public sealed record Term(
    string Slug,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Acronyms,
    string Category,
    IReadOnlyList<string> Related,
    IReadOnlyList<TermSource> Sources,
    string Summary,
    string Body);
