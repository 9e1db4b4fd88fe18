using AlignBot.Glossary.Search.Semantic;

namespace AlignBot.Glossary.Search;

/// <summary>
/// Answers "what is X?" over one index: the cheap exact path first, then word repair (compounds, typos), then
/// ranked search with a confidence rule, then, once the sentence model is ready, the hybrid gate (<see cref="HybridGate"/>).
/// Immutable apart from a bounded answer cache, so it is safe to share.
/// </summary>
internal sealed class LookupEngine
{
    /// <summary>
    /// The confidence rule. Every query word weighs its inverse document frequency: a word no term uses weighs the
    /// most (~5), a word in one term ~4, "the" or "AI" next to nothing. For the top hit, coverage is the share of
    /// the query's weight whose words occur anywhere in the term, and head coverage the share found in its name,
    /// aliases, acronyms and summary. The top hit is the answer when coverage ≥ <see cref="AnswerCoverage"/>,
    /// head coverage ≥ <see cref="AnswerHeadCoverage"/> and the query weighs ≥ <see cref="MinQueryWeight"/>.
    /// Names, aliases and acronyms that match exactly (or after a spelling repair) never reach this rule.
    ///
    /// Chosen from data: the 73 queries that reached ranked search in eval/search-cases.tsv and the development set
    /// used before eval/dev.tsv, on the 86-term corpus. Answerable queries whose top hit was right had coverage ≥ 0.61
    /// (most 0.8–1.0), but for two long paraphrases (0.44, 0.50), which get the right term as the first "did you mean"
    /// instead; off-topic ones ("best tacos near the office?", "how do I expense a taxi ride") at most 0.48, since
    /// their distinctive words occur in no term, hence 0.6. Three off-topic AI questions had full coverage from a
    /// passing mention in one body ("explain gradient descent" → Mesa-optimization, "what is tokenization" →
    /// Pretraining, "what's a context window"): all with head coverage 0.00, while every right answer had ≥ 0.33, hence
    /// 0.3: a term must explain part of the question in its own headline, not just mention the words. A query of only
    /// common words ("the", "what is it") weighs under 1.0, so it is never answered. Below the rule, hits covering ≥
    /// <see cref="SuggestCoverage"/> are offered as "did you mean". eval/dev.tsv was written afterwards and left the
    /// rule unchanged.
    /// </summary>
    internal const double AnswerCoverage = 0.6;

    /// <summary>See <see cref="AnswerCoverage"/>.</summary>
    internal const double AnswerHeadCoverage = 0.3;

    /// <summary>See <see cref="AnswerCoverage"/>.</summary>
    internal const double MinQueryWeight = 1.0;

    internal const double SuggestCoverage = 0.25;

    /// <summary>
    /// The plausible rule: below the answer rule, a top hit with coverage and head coverage both ≥ this is shown as
    /// "Did you mean …?" rather than "no definition found". Chosen on the dev split of eval/chat-cases.tsv (311 lines):
    /// of the messages that reached "no definition", those whose top hit was right had coverage and head coverage
    /// mostly 0.4–0.6 (typos, descriptions, "process vs outcome supervision"), and of the off-topic and near-miss ones
    /// only "what is a vision transformer" (0.52/0.52) was at or above 0.5 in both; at 0.4 three more near-misses
    /// (vector database, random forest, knowledge graph) would be shown a card, above the 3% budget.
    /// </summary>
    internal const double PlausibleCoverage = 0.5;

    /// <summary>
    /// A single word counts as naming a term inside a longer message (<see cref="MatchKind.Mentioned"/>) only when at
    /// most this share of the terms use it: "sandbagging" or "hallucination" name a term, "alignment" or "safety" are
    /// everywhere in this glossary and in everyday chat ("the logo alignment is off").
    /// </summary>
    internal const double MaxMentionShare = 0.05;

    /// <summary>
    /// A name after one of these and "a" or "an" is the setting of another subject, not the subject: "what does
    /// perplexity measure in a language model" asks about perplexity. On the dev splits of eval/chat-cases.tsv and
    /// eval/chat-gate-dev.tsv no right mention came after such words; the right ones after a preposition alone ("a
    /// background in alignment research", "the gist of the orthogonality thesis") are kept.
    /// </summary>
    private static readonly HashSet<string> SettingPrepositions = new(["in", "inside", "within", "of", "for", "on"], StringComparer.Ordinal);

    /// <summary>A message shorter than this many words is a subject, not a story: the mention rule is for long messages.</summary>
    internal const int MinMentionWords = 6;

    /// <summary>
    /// See <see cref="CommonWords"/>. On the dev split of eval/chat-cases.tsv any share from 0.1 to 0.3 repaired the same
    /// typo ("waht is …") and changed nothing else, with and without the sentence model.
    /// </summary>
    internal const double CommonWordShare = 0.2;

    /// <summary>
    /// A correction to a word this many terms or more have in their names ("tuning", "safety", "alignment") stands only
    /// when it completes a name (see <see cref="Repair"/>). On the dev splits of eval/chat-cases.tsv and
    /// eval/chat-gate-dev.tsv, 2 took away the false "what is the turing test" → Instruction tuning ("turing" is one edit
    /// from "tuning", in four names) and changed no right answer.
    /// </summary>
    internal const int SharedTitleUsers = 2;

    /// <summary>
    /// The covering rule for short questions: a question of at most this many words is answered (or offered as "Did you
    /// mean") by a ranked hit only when every distinctive word of it (used by at most <see cref="DistinctiveShare"/> of
    /// the terms) occurs in that hit's entry; else it is "no definition found" with the hits as suggestions, and the
    /// sentence model may not answer it either. "knowledge distillation" shares "distillation" with Iterated
    /// amplification's alias, whose entry never says "knowledge" (used by 11 of 114 terms); "confusion matrix" shares
    /// "matrix" with MITRE ATLAS. Chosen on the dev splits of eval/chat-cases.tsv and eval/chat-gate-dev.tsv: no right
    /// answer to a question of four words or fewer lacked such a word of its entry; the shortest that did had five
    /// ("situational awareness in this context") and seven words. Words of four letters or fewer are left
    /// out (<see cref="MinDistinctiveLength"/>). Nor is a short question answered by a ranked hit none of whose name,
    /// alias or acronym words it uses (<see cref="SharesATitleWord"/>): "world models" has both words in Eliciting latent
    /// knowledge's summary, "object detection" both in Circuits' text, and neither names them. On the same dev splits
    /// every right ranked answer to a short question used a word of its term's names.
    /// </summary>
    internal const int ShortQuestionWords = 4;

    /// <summary>See <see cref="ShortQuestionWords"/>.</summary>
    internal const double DistinctiveShare = 0.1;

    /// <summary>
    /// Words shorter than this are never distinctive (<see cref="ShortQuestionWords"/>): short words are mostly chat's
    /// function words, which the glossary's prose rarely uses. "vs" is in one alias ("capabilities vs alignment"), yet
    /// "process vs outcome supervision" is about Process supervision; "your" is in a few entries, yet "what's your p
    /// doom" is about P(doom) (eval/search-cases.tsv).
    /// </summary>
    internal const int MinDistinctiveLength = 5;

    private const int MaxCached = 4_096;
    private const int MaxRemembered = 65_536;

    /// <summary>Stems used by more than this share of the terms are left out of the Lucene query (see <see cref="Rank"/>).</summary>
    internal const double MaxCommonShare = 0.5;

    private readonly IReadOnlyList<Term> _terms;
    private readonly Lazy<GlossaryIndex> _lazyIndex;
    private readonly Lazy<TitleVocabulary> _lazyTitles;
    private readonly Lazy<TitleVocabulary> _lazyCommonWords;

    private readonly ExactKeys _exact;
    private readonly TermStems?[] _termStems;
    private readonly Dictionary<string, int> _positions;
    private readonly BoundedMemo<LookupResult> _cache = new(MaxCached);
    private readonly BoundedMemo<string> _stems = new(MaxRemembered);
    private readonly Task<EntryVectors>? _vectors;
    private long _semanticLookups;

    /// <summary>
    /// Ready for exact names at once; the Lucene index and the title vocabulary, which only ranked search and word
    /// repair need, are built on first use or by <see cref="BuildInBackground"/>, whichever comes first.
    /// </summary>
    /// <param name="terms">The corpus, in order.</param>
    /// <param name="vectors">The corpus's entry vectors, when semantic search is on; lookups are lexical until they are ready.</param>
    public LookupEngine(IReadOnlyList<Term> terms, Task<EntryVectors>? vectors = null)
    {
        _terms = terms;
        _vectors = vectors;
        _exact = new ExactKeys(terms);
        _lazyIndex = new(() => GlossaryIndex.Build(terms));
        _lazyTitles = new(() => new TitleVocabulary(terms.Select(t => GlossaryIndex.Words(string.Join('\n', [t.Name, .. t.Aliases, .. t.Acronyms])))));
        _lazyCommonWords = new(() => CommonWords(terms));
        _termStems = new TermStems?[terms.Count];
        _positions = terms.Select((t, i) => (t.Slug, i)).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Whether the Lucene index exists yet (tests of what waits for it and what does not).</summary>
    internal bool IndexBuilt => _lazyIndex.IsValueCreated;

    private GlossaryIndex Index => _lazyIndex.Value;

    private TitleVocabulary Titles => _lazyTitles.Value;

    private TitleVocabulary Common => _lazyCommonWords.Value;

    /// <summary>
    /// The words at least <see cref="CommonWordShare"/> of the terms use ("what", "does", "model", "training"): what a
    /// misspelt word that is no name is corrected against, so "waht" weighs as little as "what" instead of as a word
    /// no term has ever used.
    /// </summary>
    private static TitleVocabulary CommonWords(IReadOnlyList<Term> terms)
    {
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            foreach (var word in GlossaryIndex.Words(string.Join('\n', [term.Name, term.Summary, term.Body])).Distinct(StringComparer.Ordinal))
                users[word] = users.GetValueOrDefault(word) + 1;
        }
        return new TitleVocabulary([users.Where(u => u.Value >= terms.Count * CommonWordShare).Select(u => u.Key)]);
    }

    /// <summary>
    /// Starts building the index and the vocabulary on the thread pool, so that by the time a question needs them
    /// they are usually there (a question that comes sooner joins the build). A build that fails (only a bug can
    /// make a validated corpus fail) fails the returned task and every question that needs the index.
    /// </summary>
    public Task BuildInBackground() => Task.Run(() =>
    {
        _ = _lazyTitles.Value;
        _ = _lazyCommonWords.Value;
        _ = _lazyIndex.Value;
    });

    public LookupResult Lookup(string question)
    {
        var subject = QuestionText.Subject(question);
        var key = subject.ToLowerInvariant();
        if (_cache.TryGet(key, out var cached))
            return cached with { Question = question };

        var semanticPending = _vectors is { IsCompleted: false };
        var result = Compute(question, subject);
        if (semanticPending)
            return result;   // lexical only for now: asked again once the model is ready, it may be answered better
        _cache.Remember(key, result);   // forgets everything when full: crude but bounded, repeated questions refill it at once
        return result;
    }

    /// <summary>
    /// What <see cref="Lookup"/> answers with <see cref="MatchKind.Exact"/> or <see cref="MatchKind.Corrected"/>, else
    /// null, without the sentence model (which never changes those answers). Comparisons try every run of a side's
    /// words this way, so it must cost microseconds, not an encoding each.
    /// </summary>
    public Term? Name(string words)
    {
        var subject = QuestionText.Subject(words);
        var result = _cache.TryGet(subject.ToLowerInvariant(), out var cached) ? cached : ComputeLexical(words, subject, out _, Wanted.Name);
        return result.Kind is MatchKind.Exact or MatchKind.Corrected ? result.Answer : null;
    }

    /// <summary>
    /// The term whose name, alias, acronym or slug <paramref name="words"/> are, with its subject's asking removed; with
    /// <paramref name="repairing"/>, also once a misspelt or split word is repaired ("sycophnacy"). Never ranked search:
    /// for reading several things in one message, where a sentence of chatter must not become a term.
    /// </summary>
    public Term? ExactName(string words, bool repairing)
    {
        var subject = QuestionText.Subject(words);
        return repairing
            ? ComputeLexical(words, subject, out _, Wanted.ExactName).Answer
            : subject.Length == 0 ? null : _exact.Find(subject);
    }

    /// <summary>How far <see cref="ComputeLexical"/> goes.</summary>
    private enum Wanted
    {
        /// <summary>The answer, ranked search included.</summary>
        Answer,

        /// <summary>An exact or corrected answer (<see cref="Name"/>): a question with no word corrected that names no
        /// term stops before ranked search, which could only answer it otherwise.</summary>
        Name,

        /// <summary>A name, alias, acronym or slug, as typed or once its words are repaired (<see cref="ExactName"/>): never ranked search.</summary>
        ExactName,
    }

    /// <summary>The same answer without the cache: what a question never asked before costs (benchmarks).</summary>
    internal LookupResult LookupUncached(string question) => Compute(question, QuestionText.Subject(question));

    /// <summary>Forgets the remembered stems: what a question in never-seen words costs (benchmarks).</summary>
    internal void ForgetWords() => _stems.Clear();

    /// <summary>Ranked hits for free words ("search" command): every term that explains some of the query.</summary>
    public IReadOnlyList<SearchHit> Search(string words, int limit)
    {
        var stems = Repair(GlossaryIndex.Words(words), out _).Select(Stem).ToList();
        var hits = Rank(stems, limit);
        if (_exact.Find(words) is { } exact)
        {
            hits.RemoveAll(h => h.Term.Slug == exact.Slug);
            hits.Insert(0, Exact(exact, hits));
        }
        return hits.Where(h => h.Coverage > 0).Take(limit).ToList();
    }

    /// <summary>Whether lookups use the sentence model yet (tests: lexical answers come before it is ready).</summary>
    internal bool SemanticReady => _vectors is { IsCompletedSuccessfully: true };

    /// <summary>How many lookups on this engine have encoded their question with the sentence model (its cost).</summary>
    internal long SemanticLookups => Interlocked.Read(ref _semanticLookups);

    /// <summary>The entry vectors' build (tests and benchmarks wait for it); null when semantic search is off.</summary>
    internal Task<EntryVectors>? Vectors => _vectors;

    private LookupResult Compute(string question, string subject)
    {
        var lexical = ComputeLexical(question, subject, out var repaired);
        if (subject.Length == 0 || !SemanticReady || !HybridGate.MayChange(lexical))
            return lexical;
        Interlocked.Increment(ref _semanticLookups);
        // The model reads the repaired words: a typo splits a word into meaningless pieces for it too.
        var similarity = _vectors!.Result.Similarities(repaired ?? question);
        return HybridGate.Decide(lexical, similarity, t => _positions[t.Slug], _terms, GlossaryIndex.Words(subject).Count);
    }

    /// <param name="question">The message as asked.</param>
    /// <param name="subject">Its subject (<see cref="QuestionText.Subject"/>).</param>
    /// <param name="repaired">The subject's words after repair, when a word was joined or corrected; else null.</param>
    /// <param name="wanted">How far to go: by default as far as ranked search.</param>
    private LookupResult ComputeLexical(string question, string subject, out string? repaired, Wanted wanted = Wanted.Answer)
    {
        repaired = null;
        if (subject.Length == 0)
            return new LookupResult(question, subject, null, MatchKind.None, [], []);

        // The cheap path first: a name, alias, acronym or slug answers outright, with no ranked search at all.
        if (_exact.Find(subject) is { } exact)
            return new LookupResult(question, subject, exact, MatchKind.Exact, [Exact(exact, [])], []);

        var original = GlossaryIndex.Words(subject);
        var words = Repair(original, out var corrected);
        if (!words.SequenceEqual(original))
            repaired = string.Join(' ', words);
        if (repaired is not null && _exact.Find(repaired) is { } fixedName)
            return new LookupResult(question, subject, fixedName, corrected ? MatchKind.Corrected : MatchKind.Exact, [Exact(fixedName, [])], []);
        if (wanted == Wanted.ExactName || (wanted == Wanted.Name && !corrected))
            return new LookupResult(question, subject, null, MatchKind.None, [], []);

        var stems = words.Select(Stem).ToList();
        var ranked = Rank(stems, 10);
        var weight = stems.Distinct().Sum(Weight);
        if (ranked.Count > 0 && words.Count <= ShortQuestionWords && LacksDistinctiveWord(ranked[0].Term, words, stems))
            return new LookupResult(question, subject, null, MatchKind.None, ranked, Suggestions(ranked, weight)) { Uncovered = true };
        var named = ranked.Count > 0 && (words.Count > ShortQuestionWords || SharesATitleWord(ranked[0].Term, stems));
        if (named && weight >= MinQueryWeight && ranked[0].Coverage >= AnswerCoverage && ranked[0].HeadCoverage >= AnswerHeadCoverage)
            return new LookupResult(question, subject, ranked[0].Term, corrected ? MatchKind.Corrected : MatchKind.Search, ranked, []);
        if (Mention(original) is { } mentioned)
            return new LookupResult(question, subject, mentioned, MatchKind.Mentioned, [.. ranked.Where(h => h.Term.Slug == mentioned.Slug), .. ranked.Where(h => h.Term.Slug != mentioned.Slug)], []);
        if (named && weight >= MinQueryWeight && ranked[0].Coverage >= PlausibleCoverage && ranked[0].HeadCoverage >= PlausibleCoverage)
            return new LookupResult(question, subject, ranked[0].Term, MatchKind.Plausible, ranked, []);

        return new LookupResult(question, subject, null, MatchKind.None, ranked, Suggestions(ranked, weight));
    }

    private static List<Term> Suggestions(List<SearchHit> ranked, double weight) => weight >= MinQueryWeight
        ? ranked.Where(h => h.Coverage >= SuggestCoverage).Take(3).Select(h => h.Term).ToList()
        : [];

    /// <summary>
    /// The one term a long message names (see <see cref="MatchKind.Mentioned"/>): the longest name, alias or acronym
    /// in it, when no other term is named by as many words; single words only when rare in the corpus; never one named
    /// as a setting ("in a language model", <see cref="SettingPrepositions"/>).
    /// </summary>
    private Term? Mention(List<string> words)
    {
        if (words.Count < MinMentionWords)
            return null;
        var named = _exact.Within(words, Stem)
            .Where(m => m.Run.Length > 1 || DocFreq(Stem(m.Run[0])) <= _terms.Count * MaxMentionShare)
            .Where(m => !(m.At >= 2 && SettingPrepositions.Contains(words[m.At - 2]) && words[m.At - 1] is "a" or "an"))
            .ToList();
        if (named.Count == 0)
            return null;
        var longest = named.Where(m => m.Run.Length == named[0].Run.Length).Select(m => m.Term.Slug).Distinct().ToList();
        return longest.Count == 1 ? named[0].Term : null;
    }

    private static SearchHit Exact(Term term, List<SearchHit> others) => new(term, others.Count > 0 ? others[0].Score + 1 : 1, 1, 1, 0);

    /// <summary>
    /// Repairs query words against the names, aliases and acronyms: joins split compounds ("sand bagging",
    /// "jail break") and corrects words the corpus does not contain (<see cref="TitleVocabulary.Correct"/>:
    /// "sychophancy"); a word no term uses that is one edit from a common word (<see cref="CommonWords"/>: "waht")
    /// becomes that word, which does not count as a correction of the subject. Words of three letters or fewer, and
    /// numbers, are left alone: at that length an edit is a different word. A correction to a word that
    /// <see cref="SharedTitleUsers"/> or more terms have in their names stands only when it completes a name of two
    /// words or more in the message ("saftey tuning"), not on its own ("turing test" is not "tuning test").
    /// </summary>
    private List<string> Repair(List<string> words, out bool corrected)
    {
        var repaired = new List<string>(words.Count);
        var shared = new List<(int At, string Typed)>();
        var corrections = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && Titles.Contains(words[i] + words[i + 1]))
            {
                repaired.Add(words[i] + words[i + 1]);
                i++;
                continue;
            }
            var word = words[i];
            if (word.Length >= 4 && !word.Any(char.IsDigit) && DocFreq(Stem(word)) == 0
                && Titles.Correct(word, 2) is { } fixedWord)
            {
                if (Titles.Users(fixedWord) >= SharedTitleUsers)
                    shared.Add((repaired.Count, word));
                repaired.Add(fixedWord);
                corrections++;
                continue;
            }
            if (word.Length >= 4 && !word.Any(char.IsDigit) && DocFreq(Stem(word)) == 0 && Common.Correct(word, 1) is { } commonWord)
            {
                repaired.Add(commonWord);
                continue;
            }
            repaired.Add(word);
        }
        if (shared.Count > 0)
        {
            var names = _exact.Within(repaired, Stem).Where(m => m.Run.Length > 1).Select(m => m.Run).ToList();
            foreach (var (at, typed) in shared)
            {
                if (names.Any(run => run.Contains(repaired[at], StringComparer.Ordinal)))
                    continue;
                repaired[at] = typed;
                corrections--;
            }
        }
        corrected = corrections > 0;
        return repaired;
    }

    /// <summary>
    /// Whether the term's entry lacks a distinctive word of a short question: one at most <see cref="DistinctiveShare"/>
    /// of the terms use (see <see cref="ShortQuestionWords"/>).
    /// </summary>
    private bool LacksDistinctiveWord(Term term, List<string> words, List<string> stems)
    {
        var all = StemsOf(term).All;
        return stems.Where((_, i) => words[i].Length >= MinDistinctiveLength)
            .Any(stem => !all.Contains(stem) && DocFreq(stem) is > 0 and var users && users <= _terms.Count * DistinctiveShare);
    }

    /// <summary>Whether one of the stems is a word of the term's name, aliases or acronyms (see <see cref="ShortQuestionWords"/>).</summary>
    private bool SharesATitleWord(Term term, List<string> stems)
    {
        var titles = StemsOf(term).Titles;
        return stems.Any(titles.Contains);
    }

    private List<SearchHit> Rank(List<string> stems, int top)
    {
        if (stems.Count == 0)
            return [];
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var rarity = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var stem in stems)
        {
            if (weights.ContainsKey(stem))
                continue;
            var docFreq = DocFreq(stem);
            var weight = Idf(docFreq);
            weights[stem] = weight;
            // A stem no term uses cannot match, and one nearly every term uses moves no ranking: neither is worth
            // the five postings lists of its query clause. Both still count in the coverage below.
            if (docFreq > 0 && docFreq <= _terms.Count * MaxCommonShare)
                rarity[stem] = (float)(weight / (weight + 1));
        }
        if (rarity.Count == 0)
        {
            // Only common words ("search model"): then they are all there is to rank by.
            foreach (var (stem, weight) in weights)
            {
                if (DocFreq(stem) > 0)
                    rarity[stem] = (float)(weight / (weight + 1));
            }
        }
        var raw = Index.Search(stems, rarity, top);
        if (raw.Count == 0)
            return [];
        var total = weights.Values.Sum();
        var hits = new List<SearchHit>(raw.Count);
        foreach (var (term, score) in raw)
        {
            var (all, head, names, _) = StemsOf(term);
            List<string>? named = null;
            double covered = 0, headed = 0;
            foreach (var (stem, weight) in weights)
            {
                if (!all.Contains(stem))
                    continue;
                covered += weight;
                if (head.Contains(stem) || (named ??= WholeNames(names, weights)).Contains(stem))
                    headed += weight;
            }
            hits.Add(new SearchHit(term, score, total > 0 ? covered / total : 0, total > 0 ? headed / total : 0, covered));
        }
        // Lucene 4.8's BM25 has no coordination factor: one word matching a boosted name can outscore a term whose
        // text explains most of the question. Weighting the score by coverage restores that factor.
        SortStably(hits);
        return hits;
    }

    /// <summary>
    /// The words of the term's names of several words that the question has whole: a name's word counts when a question's
    /// word is it or grows from it ("red teamers" has "red team").
    /// </summary>
    private static List<string> WholeNames(List<List<string>> names, Dictionary<string, double> question)
    {
        var named = new List<string>();
        foreach (var name in names)
        {
            var whole = true;
            foreach (var word in name)
            {
                var found = false;
                foreach (var stem in question.Keys)
                {
                    if (stem.StartsWith(word, StringComparison.Ordinal))
                    {
                        found = true;
                        break;
                    }
                }
                if (!found)
                {
                    whole = false;
                    break;
                }
            }
            if (whole)
                named.AddRange(name);
        }
        return named;
    }

    /// <summary>By score × coverage, then score, both descending; equal hits keep their order (an insertion sort: ten hits at most).</summary>
    private static void SortStably(List<SearchHit> hits)
    {
        for (var i = 1; i < hits.Count; i++)
        {
            var hit = hits[i];
            var j = i - 1;
            while (j >= 0 && Before(hit, hits[j]))
            {
                hits[j + 1] = hits[j];
                j--;
            }
            hits[j + 1] = hit;
        }

        static bool Before(SearchHit a, SearchHit b)
        {
            double ka = a.Score * a.Coverage, kb = b.Score * b.Coverage;
            return ka > kb || (ka == kb && a.Score > b.Score);
        }
    }

    /// <summary>BM25's inverse document frequency: a word in every term weighs ~0, a word in none the most.</summary>
    private double Weight(string stem) => Idf(DocFreq(stem));

    /// <summary>How many terms use the stem (read from the index when it was built: a dictionary lookup).</summary>
    private int DocFreq(string stem) => Index.DocFreq(stem);

    /// <summary>
    /// A word's stem, remembered: running the analyzer costs more than the lookup, each query stems a word up to three
    /// times (repair, ranking, weight), and the same words come back across questions.
    /// </summary>
    private string Stem(string word) => _stems.GetOrAdd(word, GlossaryIndex.Stem);

    private double Idf(int docFreq)
    {
        double n = _terms.Count, df = docFreq;
        return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /// <summary>
    /// A term's stems: all of its text; its head (summary, sense names, and the last word of each name, alias and
    /// acronym); and its names and aliases of several words, whose other words count as head only when the question has
    /// the whole name (<see cref="Rank"/>). "amplification" names Iterated amplification, but "transformer" alone is not
    /// "transformer circuits": in a compound the last word says what the thing is, the others which one. On the dev
    /// splits of eval/chat-cases.tsv and eval/chat-gate-dev.tsv this withdrew "what is a transformer" → Circuits and two
    /// wrong ranked answers, and no right one.
    /// </summary>
    private TermStems StemsOf(Term term)
    {
        var at = _positions[term.Slug];
        if (_termStems[at] is { } known)
            return known;
        var titles = new[] { term.Name }.Concat(term.Aliases).Concat(term.Acronyms).Select(GlossaryIndex.Stems).ToList();
        // A sense's name is shown under the summary like a subtitle, so it counts as head text.
        var head = GlossaryIndex.Stems(string.Join('\n', [term.Summary, .. term.SenseList.Select(s => s.Name)])).ToHashSet(StringComparer.Ordinal);
        head.UnionWith(titles.Where(t => t.Count > 0).Select(t => t[^1]));
        return _termStems[at] = new TermStems(
            GlossaryIndex.Stems(string.Join('\n', [term.Name, .. term.Aliases, .. term.Acronyms, term.Summary, term.Body, term.SenseText])).ToHashSet(StringComparer.Ordinal),
            head,
            titles.Where(t => t.Count > 1).ToList(),
            titles.SelectMany(t => t).ToHashSet(StringComparer.Ordinal));
    }

    private sealed record TermStems(HashSet<string> All, HashSet<string> Head, List<List<string>> Names, HashSet<string> Titles);
}
