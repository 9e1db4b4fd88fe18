using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using AlignBot.Glossary.Search;

namespace AlignBot.Chat.Living;

/// <summary>
/// What one request may see: the shared corpus and, in a workspace that has added terms, that workspace's own. Both are
/// searched and the results merged (an exact name first, then the better-covered hit, then the higher score); a corpus
/// slug wins over a workspace slug, since corpus terms cannot be changed from chat.
/// </summary>
public sealed class GlossaryScope(TermGlossary corpus, WorkspaceGlossary? workspace = null)
{
    private TermGlossary? Local => workspace?.Glossary is { Count: > 0 } local ? local : null;

    /// <summary>Whether the workspace has terms of its own.</summary>
    public bool HasWorkspaceTerms => Local is not null;

    /// <summary>Every term in scope: the corpus's, then the workspace's.</summary>
    public IReadOnlyList<Term> Terms => Local is { } local ? [.. corpus.Terms, .. local.Terms] : corpus.Terms;

    public int Count => corpus.Count + (Local?.Count ?? 0);

    public Term? Find(string slug) => corpus.Find(slug) ?? Local?.Find(slug);

    /// <summary>Who added the term, when it is the workspace's own rather than the corpus's.</summary>
    public WorkspaceTerm? Origin(Term term) => corpus.Find(term.Slug) is null ? workspace?.Origin(term.Slug) : null;

    public IReadOnlyList<Term> RelatedOf(Term term) => [.. term.Related.Select(Find).OfType<Term>()];

    /// <summary>The terms of <paramref name="slugs"/> found in scope, as buttons name them; the others left out.</summary>
    public IReadOnlyList<TermRef> Refs(IEnumerable<string> slugs) => [.. slugs.Select(Find).OfType<Term>().Select(TermRef.Of)];

    /// <summary>The term whose name, alias, acronym or slug <paramref name="name"/> is, in scope; else null.</summary>
    public Term? Named(string name) => Find(DraftCheck.Slug(name)) ?? (Lookup(name) is { Kind: MatchKind.Exact, Answer: { } exact } ? exact : null);

    public LookupResult Lookup(string question)
    {
        var shared = corpus.Lookup(question);
        if (Local is not { } local)
            return shared;
        var own = local.Lookup(question);
        if (own.Answer is null)
            return shared.Answer is null ? shared with { DidYouMean = [.. own.DidYouMean.Concat(shared.DidYouMean).DistinctBy(t => t.Slug).Take(3)] } : shared;
        if (shared.Answer is null)
            return own;
        return Rank(own).CompareTo(Rank(shared)) > 0 ? own : shared;
    }

    /// <summary>
    /// The term named by <paramref name="words"/> (an exact or corrected match, never the sentence model): the corpus's,
    /// else the workspace's.
    /// </summary>
    public Term? Name(string words) => corpus.Name(words) ?? Local?.Name(words);

    /// <summary>The term <paramref name="words"/> name exactly (or, <paramref name="repairing"/>, once a misspelt word is repaired), never by ranked search: the corpus's, else the workspace's.</summary>
    public Term? ExactName(string words, bool repairing) => corpus.ExactName(words, repairing) ?? Local?.ExactName(words, repairing);

    /// <summary>Ranks merged results, best first, by their Lucene score.</summary>
    public IReadOnlyList<SearchHit> Search(string words, int limit) => Local is { } local
        ? [.. corpus.Search(words, limit).Concat(local.Search(words, limit)).OrderByDescending(h => h.Score).Take(limit)]
        : corpus.Search(words, limit);

    /// <summary>Typeahead over both: the workspace's own matches first (fewer, and what its people coined), then the corpus's.</summary>
    public IReadOnlyList<Term> Suggest(string typed, int limit) => Local is { } local
        ? [.. local.Suggest(typed, limit).Where(t => corpus.Find(t.Slug) is null).Concat(corpus.Suggest(typed, limit)).DistinctBy(t => t.Slug).Take(limit)]
        : corpus.Suggest(typed, limit);

    private static (bool Exact, double Coverage, float Score) Rank(LookupResult result) => result.Ranked.Count == 0
        ? (result.Kind == MatchKind.Exact, 0, 0)
        : (result.Kind == MatchKind.Exact, result.Ranked[0].Coverage, result.Ranked[0].Score);
}
