namespace AlignBot.Glossary.Corpus;

/// <summary>
/// The outcome of reading a corpus folder: the terms whose front matter parsed (possibly with field errors), and
/// every problem found. Serve <see cref="EnsureValid"/>, which refuses a corpus with any error.
/// </summary>
public sealed record LoadedCorpus(string Directory, IReadOnlyList<Term> Terms, IReadOnlyList<CorpusProblem> Problems)
{
    public IEnumerable<CorpusProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<CorpusProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    public bool IsValid => !Errors.Any();

    /// <summary>The terms, or an exception listing every error when the corpus is broken.</summary>
    public IReadOnlyList<Term> EnsureValid() => IsValid ? Terms : throw new CorpusException(this);
}
