using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;

namespace AlignBot.Cli;

/// <summary>
/// The terms the product promises (docs/corpus-format.md), listed one slug a line in <c>required-terms.txt</c>
/// beside the corpus's <c>terms/</c> folder. <c>corpus check</c> reports each missing one as an error.
/// </summary>
internal static class RequiredTerms
{
    public const string FileName = "required-terms.txt";

    public static IEnumerable<CorpusProblem> Check(string termsDirectory, IReadOnlyList<Term> terms)
    {
        var list = Path.Combine(termsDirectory, "..", FileName);
        if (!File.Exists(list))
            yield break;
        var present = terms.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var slug in File.ReadLines(list).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (!present.Contains(slug))
                yield return new CorpusProblem(slug + ".md", "file", "a required term is missing", ProblemSeverity.Error);
        }
    }
}
