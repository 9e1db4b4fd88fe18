namespace AlignBot.Glossary.Corpus;

/// <summary>One thing wrong with the corpus, naming the file and the front-matter field (or "body").</summary>
public sealed record CorpusProblem(string File, string Field, string Message, ProblemSeverity Severity)
{
    public override string ToString() =>
        $"{(Severity == ProblemSeverity.Error ? "error" : "warning")}: {File}: {Field}: {Message}";
}
