namespace AlignBot.Testing;

/// <summary>A corpus folder in the temp directory, deleted on dispose. Files are written as given or from a template.</summary>
public sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Directory = Path.Combine(Path.GetTempPath(), "alignbot-corpus-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public TempCorpus Write(string slug, string text)
    {
        File.WriteAllText(Path.Combine(Directory, slug + ".md"), text);
        return this;
    }

    /// <summary>Writes a valid term file; <paramref name="edit"/> may break it on purpose.</summary>
    public TempCorpus Term(string slug, string name, string[] related, string[]? aliases = null, Func<string, string>? edit = null)
    {
        var text = TermText(slug, name, related, aliases);
        return Write(slug, edit is null ? text : edit(text));
    }

    /// <summary>The review date every template term carries.</summary>
    public const string Reviewed = "2026-01-15";

    public static string TermText(string slug, string name, string[] related, string[]? aliases = null) => $"""
        ---
        term: {name}
        aliases: [{string.Join(", ", aliases ?? [])}]
        acronyms: []
        category: failure-modes
        related: [{string.Join(", ", related)}]
        sources:
          - title: A source about {name}
            url: https://example.org/{slug}
        reviewed: {Reviewed}
        summary: >
          {name} is a made-up entry used by the tests to check how the corpus loader behaves.
        ---
        {name} is described here in a body long enough to pass the word count. {string.Concat(Enumerable.Repeat("More words describe the idea in plain terms for the reader. ", 10))}
        """.Replace("\r\n", "\n");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
