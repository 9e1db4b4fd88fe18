using System.Reflection;

namespace AlignBot.Hosting;

/// <summary>Where the corpus lives. Configuration key <c>Corpus:Path</c>, environment <c>Corpus__Path</c>.</summary>
public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>
    /// A folder of term files, or a folder holding <c>terms/</c>. Empty: in Development the repository's corpus the program
    /// was built from (<see cref="SourceDirectory"/>), else the copy next to the build output.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>The repository's corpus folder this program was built from; null in a published build or when it is gone.</summary>
    public static string? SourceDirectory() =>
        typeof(CorpusOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "AlignBot.SourceCorpus")?.Value
            is { } folder && Directory.Exists(folder) ? folder : null;

    public string ResolveDirectory()
    {
        if (Path.Length == 0)
            return System.IO.Path.Combine(AppContext.BaseDirectory, "corpus", "terms");
        var full = System.IO.Path.GetFullPath(Path);
        var terms = System.IO.Path.Combine(full, "terms");
        return Directory.Exists(terms) ? terms : full;
    }
}
