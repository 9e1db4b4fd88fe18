using AlignBot.Glossary.Search;

namespace AlignBot.Glossary;

/// <summary>One of several meanings a term has for different people, with its own summary and sources.</summary>
public sealed record TermSense(string Name, string Summary, IReadOnlyList<TermSource> Sources);

/// <summary>Puts first the sense a question is about.</summary>
public static class TermSenses
{
    /// <summary>
    /// The term's senses, the one sharing most words with <paramref name="question"/> first (words of the term's own
    /// name do not count); ties keep the file's order, so a bare "define X" shows the senses as written.
    /// </summary>
    public static IReadOnlyList<TermSense> For(Term term, string question)
    {
        if (term.SenseList.Count < 2)
            return term.SenseList;
        var own = GlossaryIndex.Stems(term.Name).ToHashSet(StringComparer.Ordinal);
        var asked = GlossaryIndex.Stems(QuestionText.Subject(question)).Where(s => !own.Contains(s)).ToHashSet(StringComparer.Ordinal);
        if (asked.Count == 0)
            return term.SenseList;
        return term.SenseList
            .OrderByDescending(s => GlossaryIndex.Stems(s.Name + "\n" + s.Summary).Distinct().Count(asked.Contains))
            .ToList();
    }
}
