using AlignBot.Glossary.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneTerm = Lucene.Net.Index.Term;

namespace AlignBot.Glossary.Search;

/// <summary>
/// An immutable in-memory Lucene index over one corpus. Built once, searched from any thread; a corpus change
/// builds a new index and swaps it in (<see cref="TermGlossary.Replace"/>) rather than mutating this one.
/// </summary>
/// <remarks>
/// Fields, boosted in this order when searched: name, aliases, acronyms, summary, body. <c>all</c> holds every
/// field's text for document frequencies (how rare a query word is). Only the slug
/// is stored; documents are added in corpus order without merges, so a document id is the term's position.
/// Old indexes are not disposed on swap: a RAMDirectory holds managed memory only, and a search still running on
/// the old reader must not see it closed, so the garbage collector retires it.
/// </remarks>
internal sealed class GlossaryIndex
{
    public const string NameField = "name";
    public const string AliasesField = "aliases";
    public const string AcronymsField = "acronyms";
    public const string SummaryField = "summary";
    public const string BodyField = "body";
    public const string AllField = "all";

    // Field weights. Names and aliases are short and decisive; bodies are long and mention other terms in passing.
    private static readonly (string Field, float Boost)[] Fields =
    [
        (NameField, 8f), (AliasesField, 6f), (AcronymsField, 6f), (SummaryField, 2.5f), (BodyField, 1f),
    ];

    /// <summary>Longest query that also gets phrase clauses: names and aliases are at most this many words.</summary>
    private const int MaxPhraseWords = 5;

    /// <summary>How many of <see cref="Fields"/>, from the first, get phrase clauses: name and aliases.</summary>
    private const int PhraseFields = 2;

    /// <summary>The share of a word's score in its other fields added to its best field's.</summary>
    private const float TieBreaker = 0.1f;

    private static readonly Analyzer Stemmed = new GlossaryAnalyzer(stem: true);
    private static readonly Analyzer Unstemmed = new GlossaryAnalyzer(stem: false);

    private readonly Term[] _terms;
    private readonly IndexSearcher _searcher;
    private readonly FieldPostings _postings;

    private GlossaryIndex(Term[] terms, IndexReader reader)
    {
        _terms = terms;
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _postings = FieldPostings.Read(reader, Fields, AllField);
    }

    /// <summary>The Lucene index itself (tests that compare <see cref="Search"/> with Lucene's own scoring).</summary>
    internal IndexSearcher Searcher => _searcher;

    /// <summary>The searched fields and their boosts, in clause order (tests; see <see cref="Search"/>).</summary>
    internal static IReadOnlyList<(string Field, float Boost)> SearchedFields => Fields;

    public int Count => _terms.Length;

    public IReadOnlyList<Term> Terms => _terms;

    public static GlossaryIndex Build(IReadOnlyList<Term> terms)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneDefaults.Version, Stemmed)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,   // keeps document ids in insertion order
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var term in terms)
                writer.AddDocument(ToDocument(term));
            writer.Commit();
        }
        return new GlossaryIndex([.. terms], DirectoryReader.Open(directory));
    }

    private static Document ToDocument(Term term)
    {
        var doc = new Document { new StringField("slug", term.Slug, Field.Store.YES) };
        doc.Add(new TextField(NameField, term.Name, Field.Store.NO));
        foreach (var alias in term.Aliases)
        {
            doc.Add(new TextField(AliasesField, alias, Field.Store.NO));
        }
        foreach (var acronym in term.Acronyms)
        {
            doc.Add(new TextField(AcronymsField, acronym, Field.Store.NO));
        }
        doc.Add(new TextField(SummaryField, term.Summary, Field.Store.NO));
        doc.Add(new TextField(BodyField, term.Body + "\n" + term.SenseText, Field.Store.NO));
        doc.Add(new TextField(AllField, string.Join('\n', [term.Name, .. term.Aliases, .. term.Acronyms, term.Summary, term.Body, term.SenseText]), Field.Store.NO));
        return doc;
    }

    /// <summary>Unstemmed, normalised words of <paramref name="text"/> (lower case, British→American, no dots).</summary>
    public static List<string> Words(string text) => Tokens.Of(Unstemmed, text);

    /// <summary>The stem of one normalised word ("hacking" → "hack").</summary>
    public static string Stem(string word) => Tokens.Of(Stemmed, word) is [var stem, ..] ? stem : word;

    /// <summary>Stems of <paramref name="text"/>, as the index sees them.</summary>
    public static List<string> Stems(string text) => Tokens.Of(Stemmed, text);

    /// <summary>How many terms use the stem anywhere.</summary>
    public int DocFreq(string stem) => _postings.DocFreq(stem);

    /// <summary>
    /// Ranked terms for the stems, each field weighted; adjacent words in a name or alias score extra. Each word is
    /// also weighted by <paramref name="rarity"/> (0..1, from how many terms use it anywhere; only the stems in it are
    /// queried, in dictionary order, so the caller picks which are worth it): BM25's own IDF is per
    /// field, so without it "to" or "in" would count as rare in the short name field and pull up "Weak-to-strong
    /// generalization" or "human in the loop" for any sentence.
    /// </summary>
    /// <remarks>
    /// The scores are those of a Lucene <c>BooleanQuery</c> of one <c>DisjunctionMaxQuery</c> (tie-breaker
    /// <see cref="TieBreaker"/>) of per-field <c>TermQuery</c>s per stem, boosted by its rarity, plus the phrase
    /// clauses, and the order that of Lucene's <c>TopDocs</c>. The word clauses are scored from <see cref="FieldPostings"/>;
    /// only the phrase clauses, for short questions whose every word is in a name or alias, still run in Lucene.
    /// </remarks>
    public IReadOnlyList<(Term Term, float Score)> Search(IReadOnlyList<string> stems, IReadOnlyDictionary<string, float> rarity, int top)
    {
        if (rarity.Count == 0)
            return [];
        using var board = new ScoreBoard(_terms.Length);
        _postings.Score(rarity, TieBreaker, board);
        if (stems.Count is > 1 and <= MaxPhraseWords)
        {
            for (var f = 0; f < PhraseFields; f++)
            {
                // A phrase with a word the field lacks matches nothing; BM25 has no coordination factor, so leaving it
                // out changes no score and saves the phrase's own term lookups.
                if (!stems.All(stem => _postings.InField(f, stem)))
                    continue;
                var phrase = new PhraseQuery { Slop = 1, Boost = Fields[f].Boost };
                foreach (var stem in stems)
                    phrase.Add(new LuceneTerm(Fields[f].Field, stem));
                _searcher.Search(phrase, new PhraseScores(board));
            }
        }
        var docs = board.Top(top);
        var hits = new List<(Term, float)>(docs.Count);
        foreach (var (doc, score) in docs)
            hits.Add((_terms[doc], score));
        return hits;
    }

    /// <summary>Adds every document a phrase query matches, with its score, to a board.</summary>
    private sealed class PhraseScores(ScoreBoard board) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => board.Add(_docBase + doc, _scorer!.GetScore());
    }
}
