using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search;
using AlignBot.Glossary.Search.Semantic;

namespace AlignBot.Glossary;

/// <summary>
/// The glossary as the rest of AlignBot sees it: terms by slug, "what is X?" lookups and ranked search. Thread-safe;
/// <see cref="Replace"/> swaps in a new corpus atomically, so a search in flight finishes on the old one.
/// </summary>
public sealed class TermGlossary
{
    private readonly SemanticModel? _semantic;
    private readonly List<Task> _semanticWork = [];   // every entry encoding this glossary started, the replaced corpora's included
    private Snapshot _current;

    /// <param name="terms">The corpus, in order.</param>
    /// <param name="semantic">The sentence model for hybrid search; null: lexical only.</param>
    public TermGlossary(IReadOnlyList<Term> terms, SemanticModel? semantic = null)
    {
        _semantic = semantic;
        _current = Snapshot.Of(terms, semantic);
        Track(_current);
    }

    /// <summary>Loads and validates a corpus folder; throws <see cref="CorpusException"/> listing every error.</summary>
    public static TermGlossary FromDirectory(string directory, SemanticModel? semantic = null) => new(CorpusLoader.Load(directory).EnsureValid(), semantic);

    /// <summary>All terms, in corpus (file name) order.</summary>
    public IReadOnlyList<Term> Terms => _current.Terms;

    public int Count => _current.Terms.Count;

    /// <summary>Changes whenever <see cref="Replace"/> swaps the corpus: a key for caches of anything built from it.</summary>
    public object Version => _current;

    public Term? Find(string slug) => _current.BySlug.GetValueOrDefault(slug);

    /// <summary>The terms <paramref name="term"/> lists as related, in its order, leaving out slugs this corpus lacks.</summary>
    public IReadOnlyList<Term> RelatedOf(Term term) => [.. term.Related.Select(Find).OfType<Term>()];

    /// <summary>Answers a question or a bare term: exact match, then repaired and ranked search, else suggestions.</summary>
    public LookupResult Lookup(string question) => _current.Engine.Lookup(question);

    /// <summary>
    /// The term <see cref="Lookup"/> would answer as an exact or corrected match (a name, alias, acronym or slug, or a
    /// question with a misspelt word repaired), else null; never runs the sentence model, so it is cheap to try often.
    /// </summary>
    public Term? Name(string words) => _current.Engine.Name(words);

    /// <summary>The term <paramref name="words"/> name exactly, or once a misspelt word is repaired (<paramref name="repairing"/>); never ranked search.</summary>
    public Term? ExactName(string words, bool repairing) => _current.Engine.ExactName(words, repairing);

    /// <summary>How many lookups on the current corpus have run the sentence model: its cost, for tests and benchmarks.</summary>
    public long SemanticLookups => _current.Engine.SemanticLookups;

    /// <summary>Terms ranked for free words, best first.</summary>
    public IReadOnlyList<SearchHit> Search(string words, int limit = 10) => _current.Engine.Search(words, limit);

    /// <summary>
    /// Terms for a typeahead: names or aliases that start with the typed text, then ones that contain it, then
    /// ranked search hits; at most <paramref name="limit"/>. Empty text lists terms A–Z.
    /// </summary>
    public IReadOnlyList<Term> Suggest(string typed, int limit)
    {
        var text = typed.Trim();
        var terms = _current.Terms;
        if (text.Length == 0)
            return terms.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Take(limit).ToList();
        bool Starts(Term t) => t.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            || t.Aliases.Concat(t.Acronyms).Any(a => a.StartsWith(text, StringComparison.OrdinalIgnoreCase));
        bool Contains(Term t) => t.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || t.Aliases.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase));
        return terms.Where(Starts).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .Concat(terms.Where(t => !Starts(t) && Contains(t)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
            .Concat(Search(text, limit).Select(h => h.Term))
            .DistinctBy(t => t.Slug)
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// Replaces the served corpus once its new index is built, so questions never wait on a reload and a build that
    /// fails leaves the previous corpus serving. Callers validate first, so a broken edit never gets here.
    /// </summary>
    public void Replace(IReadOnlyList<Term> terms)
    {
        var next = Snapshot.Of(terms, _semantic);
        Track(next);
        next.Indexed.GetAwaiter().GetResult();
        Volatile.Write(ref _current, next);
    }

    /// <summary>
    /// Completes when every piece of the sentence model's work this glossary started has ended (well or not): the current
    /// corpus's entry encoding and those of corpora replaced while they were still encoding. What a host waits for
    /// before it is gone, so no native model code outlives it.
    /// </summary>
    public Task WhenSemanticWorkEnded()
    {
        lock (_semanticWork)
            return Task.WhenAll(_semanticWork);
    }

    private void Track(Snapshot snapshot)
    {
        if (snapshot.Engine.Vectors is not { } vectors)
            return;
        var ended = vectors.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        lock (_semanticWork)
        {
            _semanticWork.RemoveAll(work => work.IsCompleted);
            _semanticWork.Add(ended);
        }
    }

    /// <summary>
    /// Completes when lookups on the current corpus use the sentence model (at once when semantic search is off); fails
    /// if the model could not be loaded. Nothing waits for this but tests, benchmarks and the eval command.
    /// </summary>
    public Task WhenSemanticReady() => _current.Engine.Vectors ?? Task.CompletedTask;

    /// <summary>Whether lookups on the current corpus use the sentence model yet.</summary>
    public bool SemanticReady => _current.Engine.SemanticReady;

    private sealed record Snapshot(IReadOnlyList<Term> Terms, LookupEngine Engine, IReadOnlyDictionary<string, Term> BySlug, Task Indexed)
    {
        /// <summary>Serving at once for names and slugs; the search index builds meanwhile (see <see cref="LookupEngine"/>).</summary>
        public static Snapshot Of(IReadOnlyList<Term> terms, SemanticModel? semantic)
        {
            List<Term> copy = [.. terms];
            var vectors = semantic?.VectorsFor(copy);
            vectors?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);   // observed; logged by the model
            var engine = new LookupEngine(copy, vectors);
            var indexed = engine.BuildInBackground();
            indexed.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);   // observed
            return new Snapshot(copy, engine, copy.ToDictionary(t => t.Slug, StringComparer.Ordinal), indexed);
        }
    }
}
