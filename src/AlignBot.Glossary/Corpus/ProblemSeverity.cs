namespace AlignBot.Glossary.Corpus;

/// <summary>Errors stop the corpus from loading; warnings are reported by <c>corpus check</c> only.</summary>
public enum ProblemSeverity
{
    Warning,
    Error,
}
