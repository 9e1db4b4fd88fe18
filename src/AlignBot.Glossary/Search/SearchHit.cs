namespace AlignBot.Glossary.Search;

/// <summary>A ranked search result with the evidence the confidence rule reads.</summary>
/// <param name="Term">The term found.</param>
/// <param name="Score">Its Lucene score for the query.</param>
/// <param name="Coverage">Share of the query's weight (rarity of its words) found anywhere in the term's text.</param>
/// <param name="HeadCoverage">Share of the query's weight found in the term's name, aliases, acronyms and summary (a name of several words only whole, or by its last word).</param>
/// <param name="MatchedWeight">The weight of the query words found in the term's text, in IDF units.</param>
public sealed record SearchHit(Term Term, float Score, double Coverage, double HeadCoverage, double MatchedWeight);
