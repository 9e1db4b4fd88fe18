namespace AlignBot.Testing;

/// <summary>Paths in this checkout and in the shared folder beside it (CI clones main with ../shared next to it).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus", "terms");

    public static string SearchCases => Path.Combine(Root, "eval", "search-cases.tsv");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string DevSet => Path.Combine(Shared, "eval", "dev.tsv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlignBot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No AlignBot.sln above {AppContext.BaseDirectory}");
    }
}
