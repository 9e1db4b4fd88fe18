namespace AlignBot.Glossary;

/// <summary>One reviewed glossary entry, as loaded from <c>corpus/terms/&lt;slug&gt;.md</c>.</summary>
/// <param name="Reviewed">When the whole entry was last reviewed.</param>
/// <param name="Checked">For an entry about something that moves (a law, a framework, an institute): when its facts
/// were last checked against primary sources.</param>
public sealed record Term(
    string Slug,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Acronyms,
    string Category,
    IReadOnlyList<string> Related,
    IReadOnlyList<TermSource> Sources,
    string Summary,
    string Body,
    DateOnly? Reviewed = null,
    DateOnly? Checked = null);
