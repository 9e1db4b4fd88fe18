namespace AlignBot.Glossary;

/// <summary>The closed set of categories a term may belong to (rules in docs/corpus-format.md).</summary>
public static class Categories
{
    public static readonly IReadOnlyList<string> All =
    [
        "foundations", "failure-modes", "training", "oversight", "interpretability",
        "security", "evaluation", "theory", "governance", "ml-basics",
    ];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);

    /// <summary>A human label for a category slug: "failure-modes" becomes "Failure modes", "ml-basics" "ML basics".</summary>
    public static string Label(string category) => category switch
    {
        "ml-basics" => "ML basics",
        _ => category.Length == 0 ? category : char.ToUpperInvariant(category[0]) + category[1..].Replace('-', ' '),
    };
}
