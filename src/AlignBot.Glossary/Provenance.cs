using System.Globalization;

namespace AlignBot.Glossary;

/// <summary>How the cards and pages say when an entry was last reviewed.</summary>
public static class Provenance
{
    /// <summary>"Reviewed November 2026", or null for an entry without a review date.</summary>
    public static string? ReviewedLabel(Term term) =>
        term.Reviewed is { } date ? "Reviewed " + date.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : null;
}
