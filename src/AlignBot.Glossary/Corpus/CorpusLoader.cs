namespace AlignBot.Glossary.Corpus;

/// <summary>Reads every <c>*.md</c> file of a corpus folder and reports all problems at once.</summary>
public static class CorpusLoader
{
    /// <summary>Loads <paramref name="directory"/>; never throws for bad content, only lists problems.</summary>
    /// <param name="directory">The corpus folder; its <c>*.md</c> files are the terms.</param>
    /// <param name="clock">Today's date for the review rules; the system clock when omitted.</param>
    public static LoadedCorpus Load(string directory, TimeProvider? clock = null)
    {
        var problems = new List<CorpusProblem>();
        var terms = new List<Term>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new(directory, "path", "the corpus folder does not exist", ProblemSeverity.Error));
            return new LoadedCorpus(directory, terms, problems);
        }

        string[] paths;
        try
        {
            paths = Directory.GetFiles(directory, "*.md");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(directory, "path", "the corpus folder could not be read: " + ex.Message, ProblemSeverity.Error));
            return new LoadedCorpus(directory, terms, problems);
        }

        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            var length = new FileInfo(path).Length;
            if (length > TermFileParser.MaxFileBytes)
            {
                problems.Add(new(fileName, "file", $"{length} bytes; a term file may be at most {TermFileParser.MaxFileBytes}", ProblemSeverity.Error));
                continue;
            }
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new(fileName, "file", "could not be read: " + ex.Message, ProblemSeverity.Error));
                continue;
            }
            if (TermFileParser.Parse(fileName, text, problems) is { } term)
                terms.Add(term);
        }

        if (terms.Count == 0 && problems.Count == 0)
            problems.Add(new(directory, "path", "the corpus folder holds no term files (*.md)", ProblemSeverity.Error));

        var fileSlugs = Directory.EnumerateFiles(directory, "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>();
        CorpusValidator.Validate(terms, fileSlugs.ToHashSet(StringComparer.Ordinal), problems, Today(clock));
        return new LoadedCorpus(directory, terms, problems);
    }

    private static DateOnly Today(TimeProvider? clock) => DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
}
