namespace AlignBot.Testing;

/// <summary>Paths in this checkout, found from a test's bin folder by walking up to AlignBot.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus", "terms");

    public static string SearchCases => Path.Combine(Root, "eval", "search-cases.tsv");

    public static string DevSet => Path.Combine(Root, "eval", "dev.tsv");

    public static string ChatCases => Path.Combine(Root, "eval", "chat-cases.tsv");

    public static string ChatGateDev => Path.Combine(Root, "eval", "chat-gate-dev.tsv");

    public static string ChatGateHoldout => Path.Combine(Root, "eval", "chat-gate-holdout.tsv");

    public static string ChatMultiDev => Path.Combine(Root, "eval", "chat-multi-dev.tsv");

    public static string ChatCompound => Path.Combine(Root, "eval", "chat-compound.tsv");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

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
