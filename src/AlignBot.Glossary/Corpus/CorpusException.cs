namespace AlignBot.Glossary.Corpus;

/// <summary>Raised when a corpus with errors is about to be served. The message lists every error.</summary>
public sealed class CorpusException(LoadedCorpus corpus) : Exception(Describe(corpus))
{
    public LoadedCorpus Corpus { get; } = corpus;

    private static string Describe(LoadedCorpus corpus)
    {
        var errors = corpus.Errors.ToList();
        return $"The corpus in {corpus.Directory} has {errors.Count} error(s):{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
