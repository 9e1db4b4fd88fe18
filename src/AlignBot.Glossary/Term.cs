namespace AlignBot.Glossary;

/// <summary>One reviewed glossary entry, as loaded from <c>corpus/terms/&lt;slug&gt;.md</c>.</summary>
/// <param name="Slug">The file name without <c>.md</c>; the term's id in links and buttons.</param>
/// <param name="Name">The term as shown.</param>
/// <param name="Aliases">Other names people use for it.</param>
/// <param name="Acronyms">Its abbreviations.</param>
/// <param name="Category">The group it is listed under.</param>
/// <param name="Related">Slugs of related terms.</param>
/// <param name="Sources">Where its facts come from.</param>
/// <param name="Summary">The one-paragraph answer.</param>
/// <param name="Body">The rest of the entry, in Markdown.</param>
/// <param name="Reviewed">When the whole entry was last reviewed.</param>
/// <param name="Checked">For an entry about something that moves (a law, a framework, an institute): when its facts
/// were last checked against primary sources.</param>
/// <param name="Senses">Where people mean different things by the term: each meaning, shown under the summary.</param>
/// <param name="Questions">How people ask about the term in chat, in their words; used by search, never shown.</param>
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
    DateOnly? Checked = null,
    IReadOnlyList<TermSense>? Senses = null,
    IReadOnlyList<string>? Questions = null)
{
    /// <summary>The example questions, or none.</summary>
    public IReadOnlyList<string> QuestionList => Questions ?? [];

    /// <summary>The senses, or none.</summary>
    public IReadOnlyList<TermSense> SenseList => Senses ?? [];

    /// <summary>The senses' names and summaries as one text, for the search index.</summary>
    internal string SenseText => string.Join('\n', SenseList.Select(s => s.Name + "\n" + s.Summary));
}
