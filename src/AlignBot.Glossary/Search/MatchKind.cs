namespace AlignBot.Glossary.Search;

/// <summary>How a lookup reached its answer.</summary>
public enum MatchKind
{
    /// <summary>Nothing matched well enough to answer.</summary>
    None,

    /// <summary>The subject is a term's name, alias, acronym or slug, ignoring case, spacing and punctuation.</summary>
    Exact,

    /// <summary>Ranked search over names, aliases, summaries and bodies, above the confidence threshold.</summary>
    Search,

    /// <summary>As <see cref="Search"/> or <see cref="Exact"/>, after correcting misspelt words.</summary>
    Corrected,

    /// <summary>A longer message that names exactly one term (its name, alias or acronym) among other words.</summary>
    Mentioned,

    /// <summary>No confident answer, but the top hit is likely: shown as "Did you mean …?" with the next candidates.</summary>
    Plausible,

    /// <summary>
    /// Lexical search and the sentence model agree on a term the words alone did not make certain, or the model is sure
    /// of a term ranked search had below another (see <c>HybridGate</c>).
    /// </summary>
    Similar,
}
