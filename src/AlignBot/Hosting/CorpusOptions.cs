namespace AlignBot.Hosting;

/// <summary>Where the corpus lives. Configuration key <c>Corpus:Path</c>, environment <c>Corpus__Path</c>.</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>A folder of term files, or a folder holding <c>terms/</c>. Empty: the copy next to the build output.</summary>
    public string Path { get; set; } = "";

    public string ResolveDirectory()
    {
        if (Path.Length == 0)
            return System.IO.Path.Combine(AppContext.BaseDirectory, "corpus", "terms");
        var full = System.IO.Path.GetFullPath(Path);
        var terms = System.IO.Path.Combine(full, "terms");
        return Directory.Exists(terms) ? terms : full;
    }
}
