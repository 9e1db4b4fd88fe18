namespace AlignBot.Hosting;

/// <summary>Search settings. Section <c>Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Hybrid search: a local sentence model (all-MiniLM-L6-v2) alongside the lexical index, loaded in the background.
    /// Off: lexical only, without the model's memory (about 150 MB) or its load.
    /// </summary>
    public bool Semantic { get; set; } = true;

    /// <summary>Where the model file and the entry vectors are kept; empty: <c>data/search</c> under the content root.</summary>
    public string DataPath { get; set; } = "";

    public string ResolveDataPath(string contentRoot) =>
        Path.GetFullPath(DataPath.Length > 0 ? DataPath : Path.Combine("data", "search"), contentRoot);
}
