using System.Diagnostics;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using AlignBot.Glossary.Search;

namespace AlignBot.Chat;

/// <summary>
/// The platform-neutral bot: one <see cref="ChatRequest"/> in, one <see cref="Reply"/> out. It understands the
/// request, asks the glossary and says what it found; adapters render and deliver. With <paramref name="workspaces"/>, a
/// request from a workspace also sees that workspace's own terms (<see cref="GlossaryScope"/>), and no other's; with
/// <paramref name="curation"/>, it handles the living glossary's commands and clicks; with <paramref name="feedback"/>, it counts
/// unanswered questions.
/// </summary>
public sealed class Bot(TermGlossary glossary, Random? random = null, DailyService? daily = null, ChatMetrics? metrics = null,
    WorkspaceGlossaries? workspaces = null, GlossaryCuration? curation = null, GlossaryFeedback? feedback = null)
{
    public const int MaxSearchResults = 8;

    /// <summary>How much of the text typed into a term picker is read: a picker needs no more, and searching 250 KB costs a second.</summary>
    public const int MaxTypedLength = 100;

    private readonly Random _random = random ?? Random.Shared;

    /// <summary>
    /// Runs any request, term-of-the-day commands included, with their effects: those read and write the store, and
    /// <c>daily now</c> posts to the channel. What workers and the playground call.
    /// </summary>
    public async Task<Reply> RunAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var intent = RequestParser.Parse(request);   // once: this is the hot path of every platform
        if (intent is Intent.Daily command && daily is not null)
            return Counted(request, await daily.HandleAsync(request, DailyCommand.Parse(command.Arguments), cancellationToken));
        var scope = await ScopeAsync(request, cancellationToken);
        if (curation is not null && IsCuration(intent) && WorkspaceOf(request) is not null)
            return Counted(request, await curation.HandleAsync(request, intent, scope, cancellationToken));
        var reply = Timed(request, start, Answer(intent, scope));
        if (reply is Reply.NotFound && feedback is not null && WorkspaceOf(request) is { } workspace && AskedAbout(intent) is { } question)
            await feedback.RecordUnansweredAsync(workspace, question, cancellationToken);
        return reply;
    }

    /// <summary>The living glossary's intents: they read and write the store.</summary>
    private static bool IsCuration(Intent intent) =>
        intent is Intent.SuggestTerm or Intent.Curators or Intent.ReviewHere or Intent.Unanswered or Intent.Decide or Intent.EditSuggestion or Intent.Rate
            or Intent.ForgetTerm or Intent.EditTerm;

    /// <summary>What a question that may go unanswered asked about; null for searches and buttons.</summary>
    private static string? AskedAbout(Intent intent) => intent switch
    {
        Intent.Question question => question.Text,
        Intent.Define define => define.Subject,
        _ => null,
    };

    /// <summary>
    /// The reply when the glossary alone answers the request, at once, and whether it may be cached (the bot knows what
    /// the request meant, so no adapter parses it again to decide); null for a term-of-the-day command, which waits on
    /// the store (and for <c>daily now</c> on the platform) and so goes through <see cref="RunAsync"/> later; null too for
    /// a workspace whose own terms this replica has not loaded yet, and for the living glossary's commands and clicks. A
    /// question nothing answers is answered at once and counted as unanswered in the background
    /// (<see cref="GlossaryFeedback.CountUnansweredInBackground"/>).
    /// </summary>
    public ImmediateAnswer? AnswerAtOnce(ChatRequest request)
    {
        var start = Stopwatch.GetTimestamp();
        var intent = RequestParser.Parse(request);
        if (intent is Intent.Daily && daily is not null || curation is not null && IsCuration(intent))
            return null;
        if (ScopeNow(request) is not { } scope)
            return null;
        var reply = Answer(intent, scope);
        if (reply is Reply.NotFound && feedback is { KeepsUnanswered: true } && WorkspaceOf(request) is { } workspace && AskedAbout(intent) is { } question)
        {
            feedback.CountUnansweredInBackground(workspace, question);
            return new ImmediateAnswer(Timed(request, start, reply), MayBeCached: false);   // asked again, it is counted again
        }
        return new ImmediateAnswer(Timed(request, start, reply), MayBeCached(intent, reply, scope));
    }

    /// <summary>
    /// Whether the same words always get this reply until the corpus changes: never in a workspace with terms of its own,
    /// which change without a corpus reload.
    /// </summary>
    private static bool MayBeCached(Intent intent, Reply reply, GlossaryScope scope) =>
        intent is not (Intent.Random or Intent.Daily or Intent.Help)
        && !scope.HasWorkspaceTerms
        && reply is Reply.TermCard { Heading: null } or Reply.Comparison or Reply.SearchResults or Reply.NotFound;

    /// <summary>The workspace whose own glossary the request may see and change; none on the command line or where the platform named none (a Teams activity without a tenant).</summary>
    private static WorkspaceKey? WorkspaceOf(ChatRequest request) =>
        request.Platform == Platform.Cli || request.Place.WorkspaceOrTenantId.Length == 0 ? null : WorkspaceKey.Of(request);

    /// <summary>
    /// Loads the request's workspace terms when this replica has not yet (one query; nothing when loaded or the store is
    /// down), so that <see cref="AnswerAtOnce"/> can answer it: what an endpoint calls before answering in its response.
    /// </summary>
    public Task LoadWorkspaceAsync(ChatRequest request, CancellationToken cancellationToken) => ScopeAsync(request, cancellationToken);

    /// <summary>
    /// What the request may see, loading its workspace's terms on first use; the corpus alone while the store is down
    /// (<see cref="WorkspaceGlossaries.ScopeAsync"/> decides that, for every caller).
    /// </summary>
    public async Task<GlossaryScope> ScopeAsync(ChatRequest request, CancellationToken cancellationToken) =>
        workspaces is null || WorkspaceOf(request) is not { } workspace
            ? new GlossaryScope(glossary)
            : await workspaces.ScopeAsync(glossary, workspace, cancellationToken);

    /// <summary>What the request may see without waiting: null when its workspace is not loaded yet.</summary>
    private GlossaryScope? ScopeNow(ChatRequest request)
    {
        if (workspaces is null || WorkspaceOf(request) is not { } workspace)
            return new GlossaryScope(glossary);
        return workspaces.Current(workspace) is { } loaded ? new GlossaryScope(glossary, loaded) : null;
    }

    /// <summary>
    /// Understands the request and answers it from the glossary alone, synchronously and without effects; a
    /// term-of-the-day command gets a notice that it is for channels. What the command line and the evaluation call.
    /// </summary>
    public Reply AnswerFromGlossary(ChatRequest request)
    {
        var start = Stopwatch.GetTimestamp();
        return Timed(request, start, Answer(RequestParser.Parse(request), new GlossaryScope(glossary)));
    }

    private Reply Timed(ChatRequest request, long start, Reply reply)
    {
        metrics?.Searched(start);
        return Counted(request, reply);
    }

    private Reply Counted(ChatRequest request, Reply reply)
    {
        metrics?.Replied(request.Platform, reply);
        return reply;
    }

    private Reply Answer(Intent intent, GlossaryScope g) => intent switch
    {
        Intent.Daily => new Reply.Notice("The term of the day is not available here: it is for Slack and Teams channels."),
        Intent.ShowTerm show => g.Find(show.Slug) is { } term ? Card(g, term) : Answer(g, show.Slug),
        Intent.CompareTerms compare => compare.Slugs.Select(g.Find).ToList() is var terms && terms.All(t => t is not null)
            ? new Reply.Comparison(terms!)
            : Help(),
        Intent.Define define => AnswerAbout(g, define.Subject, comparisons: false),
        Intent.Question question => AnswerAbout(g, question.Text, comparisons: true),
        Intent.Search search => Search(g, search.Words),
        Intent.Related related => Related(g, related.Subject),
        Intent.Random => Card(g, g.Terms[_random.Next(g.Count)]),
        Intent.Greeting greeting => Greet(greeting),
        _ when IsCuration(intent) =>
            new Reply.Notice("Suggesting, reviewing and rating terms works in a Slack workspace, a Teams tenant and the playground."),
        _ => Help(),
    };

    /// <summary>Whether the request is a term-of-the-day command (whose channel must then be reachable later).</summary>
    public static bool IsDailyCommand(ChatRequest request) => RequestParser.Parse(request) is Intent.Daily;

    /// <summary>
    /// Whether the request is <c>daily on</c> without a time zone from someone whose own zone the request does not
    /// carry: the one request a platform should look the person's zone up for.
    /// </summary>
    public static bool NeedsPersonsTimeZone(ChatRequest request) =>
        request.User.TimeZone is null
        && RequestParser.Parse(request) is Intent.Daily daily && DailyCommand.Parse(daily.Arguments) is DailyCommand.TurnOn { TimeZone: null };

    /// <summary>Whether the request makes its channel the review channel (which must then be reachable later).</summary>
    public static bool IsReviewHere(ChatRequest request) => RequestParser.Parse(request) is Intent.ReviewHere;

    /// <summary>
    /// Terms for a picker as the user types: names that start with, then contain, then search for the text; in a
    /// <paramref name="workspace"/> whose terms are loaded, its own terms too.
    /// </summary>
    public IReadOnlyList<Term> Suggest(string typed, int limit, WorkspaceKey? workspace = null) =>
        new GlossaryScope(glossary, workspace is null ? null : workspaces?.Current(workspace)).Suggest(typed[..Math.Min(typed.Length, MaxTypedLength)], limit);

    /// <summary>The help reply; also what an empty message gets.</summary>
    public Reply.Help Help() => new(
        [
            new("define <term>", "a term's definition, e.g. define sycophancy"),
            new("<question>", "ask in your own words, e.g. what is reward hacking?"),
            new("<term> vs <term>", "two terms side by side, e.g. inner alignment vs outer alignment"),
            new("search <words>", "terms that match some words, ranked"),
            new("related <term>", "terms to read next"),
            new("random", "a term picked at random"),
            new("daily on [HH:MM] [zone]", "a term of the day in this channel (also: daily off, status, now)"),
            new("suggest <term>", "propose a term for this workspace's own glossary; a curator reviews it"),
            new("curators, review here, unanswered", "for curators: who curates (curators add/remove @someone), where to review, what went unanswered, edit <term>, forget <term>"),
            new("help", "this list"),
        ],
        ExampleTerms.Slugs.Take(ExampleTerms.InHelp).Select(glossary.Find).OfType<Term>().Select(TermRef.Of).ToList(),
        glossary.Count);

    /// <summary>The friendly answer to small talk: what AlignBot is and what to ask it.</summary>
    private Reply.Greeting Greet(Intent.Greeting greeting) => new(
        (greeting.Thanks ? "You're welcome! " : "Hi! ")
            + $"I'm AlignBot: I explain {glossary.Count} AI-alignment terms from a reviewed glossary. Ask me what a term means "
            + "(\"what is reward hacking?\"), compare terms (\"rlhf vs dpo\"), or say \"help\" for everything I can do.",
        ExampleTerms.Slugs.Take(ExampleTerms.InHelp).Select(glossary.Find).OfType<Term>().Select(TermRef.Of).ToList());

    /// <summary>
    /// A question, or what a define names: several terms side by side (for a question, comparisons such as "X vs Y" too),
    /// else the one answer. The terms its questions name are read once, for both.
    /// </summary>
    private static Reply AnswerAbout(GlossaryScope g, string text, bool comparisons)
    {
        var named = NamedInQuestions(g, text);
        return (comparisons ? Compare(g, text, named) : SeveralNamed(g, text, named)) ?? Answer(g, text, named);
    }

    /// <param name="g">Where terms are looked up.</param>
    /// <param name="question">What was asked.</param>
    /// <param name="named">The terms its questions name, when it asks several (<see cref="NamedInQuestions"/>).</param>
    private static Reply Answer(GlossaryScope g, string question, IReadOnlyList<Term>? named = null)
    {
        var result = g.Lookup(question);
        if (result.Answer is not { } term)
        {
            // "what's RLHF? and where's the standup link": of several questions, the one that names a term.
            return named is [var only]
                ? Card(g, only)
                : new Reply.NotFound(Quote(question), result.DidYouMean.Select(TermRef.Of).ToList());
        }
        var card = Card(g, term, result.Kind == MatchKind.Corrected ? result.Subject : null) with { Senses = TermSenses.For(term, question) };
        return result.Kind == MatchKind.Plausible
            ? card with { Alternatives = result.Ranked.Skip(1).Where(h => h.Coverage >= LookupResult.SuggestCoverage).Take(3).Select(h => TermRef.Of(h.Term)).ToList() }
            : card;
    }

    private static Reply.Comparison? Compare(GlossaryScope g, string text, IReadOnlyList<Term> named)
    {
        var readings = QuestionText.ComparisonSplits(text);
        // A reading whose every side is a term's name comes first: "between outer alignment, inner alignment and
        // mesa-optimization" names three, though its first "and" split also finds two ("inner alignment" at the end of
        // "outer alignment, inner alignment"); "between helpful, honest and harmless and honesty" names two.
        foreach (var parts in readings)
        {
            var sides = parts.Select(g.Name).ToList();
            if (sides.All(t => t is not null) && sides.DistinctBy(t => t!.Slug).Count() == sides.Count)
                return new Reply.Comparison(sides!);
        }
        if (SeveralNamed(g, text, named) is { } several)
            return several;
        foreach (var parts in readings)
        {
            var terms = parts.Select((part, i) => Side(g, part, first: i == 0, last: i == parts.Count - 1)).ToList();
            if (terms.All(t => t is not null) && terms.DistinctBy(t => t!.Slug).Count() == terms.Count)
                return new Reply.Comparison(terms!);
        }
        return null;
    }

    /// <summary>
    /// Several terms asked about in one message, side by side: two or three named by its questions ("what is RLHF? and
    /// DPO?"; a question about anything else among them is left out, <see cref="NamedInQuestions"/>), or one subject that
    /// lists two or three names ("what are RLHF and DPO", "define jailbreak, prompt injection"); null otherwise.
    /// </summary>
    /// <param name="g">Where terms are looked up.</param>
    /// <param name="text">The message.</param>
    /// <param name="named">The terms its questions name (<see cref="NamedInQuestions"/>).</param>
    private static Reply.Comparison? SeveralNamed(GlossaryScope g, string text, IReadOnlyList<Term> named)
    {
        if (named.Count is >= 2 and <= QuestionText.MaxCompared)
            return new Reply.Comparison(named);
        if (named.Count > 0 || !QuestionText.MayList(text))
            return null;
        var subject = QuestionText.Subject(text);
        return ListedNames(g, subject, repairing: true) is { } listed && g.Name(subject) is null ? new Reply.Comparison(listed) : null;
    }

    /// <summary>
    /// The terms the questions of a message of several name, each question's subject being a name or a list of names
    /// ("sycophancy and reward hacking?? what are those"); empty for one question. Only names count, exactly or (in a
    /// question that was asked, not a bare word after one) once a misspelt word is repaired, never ranked search, so
    /// chatter around a term never becomes a second term.
    /// </summary>
    private static List<Term> NamedInQuestions(GlossaryScope g, string text)
    {
        if (QuestionText.SeveralQuestions(text) is not { } questions)
            return [];
        var named = new List<Term>();
        foreach (var (question, asked) in questions)
            named.AddRange(g.ExactName(question, repairing: asked) is { } term ? [term] : ListedNames(g, question, asked) ?? []);
        return [.. named.DistinctBy(t => t.Slug)];
    }

    /// <summary>Most words in one item of a list read as names: the longest names are shorter.</summary>
    private const int MaxListedWords = 6;

    /// <summary>
    /// The terms a subject lists ("X and Y", "X, Y and Z"), when every item is a distinct term's name (<see
    /// cref="GlossaryScope.ExactName"/>); else null. The earlier items may share the last one's head words: "inner and
    /// outer alignment" lists inner and outer alignment.
    /// </summary>
    private static List<Term>? ListedNames(GlossaryScope g, string subject, bool repairing)
    {
        if (QuestionText.Listed(subject) is not { } items || items.Any(i => i.Count(c => c == ' ') >= MaxListedWords)
            || g.ExactName(items[^1], repairing) is null)
            return null;
        if (Named(items) is { } named)
            return named;
        var last = items[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var shared = 1; shared < last.Length; shared++)
        {
            var head = " " + string.Join(' ', last[^shared..]);
            if (Named([.. items.SkipLast(1).Select(item => item + head), items[^1]]) is { } sharing)
                return sharing;
        }
        return null;

        List<Term>? Named(IReadOnlyList<string> names)
        {
            var terms = names.Select(name => g.ExactName(name, repairing)).OfType<Term>().DistinctBy(t => t.Slug).ToList();
            return terms.Count == names.Count ? terms : null;
        }
    }

    /// <summary>
    /// The term one side of a comparison names: the whole side when it is answered, else the longest run of its
    /// words that is a term's name, alias or acronym, starting where the side starts (the last side: "dpo whats the
    /// diff") or ending where it ends (the first side: "so in standup someone said rlhf").
    /// </summary>
    private static Term? Side(GlossaryScope g, string part, bool first, bool last)
    {
        if (g.Lookup(part).Answer is { } whole)
            return whole;
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = words.Length - 1; length >= 1; length--)
        {
            if (last && Named(g, string.Join(' ', words[..length])) is { } head)
                return head;
            if (first && Named(g, string.Join(' ', words[^length..])) is { } tail)
                return tail;
        }
        return null;
    }

    private static Term? Named(GlossaryScope g, string words) => g.Name(words);

    private static Reply Search(GlossaryScope g, string words)
    {
        var hits = g.Search(words, MaxSearchResults);
        return hits.Count == 0
            ? new Reply.NotFound(Quote(words), [])
            : new Reply.SearchResults(Quote(words), hits.Select(h => TermRef.Of(h.Term)).ToList());
    }

    private static Reply Related(GlossaryScope g, string subject)
    {
        var result = g.Lookup(subject);
        if (result.Answer is not { } term)
            return new Reply.NotFound(Quote(subject), result.DidYouMean.Select(TermRef.Of).ToList());
        return new Reply.RelatedTerms(TermRef.Of(term), RelatedOf(g, term));
    }

    private static Reply.TermCard Card(GlossaryScope g, Term term, string? correctedFrom = null) =>
        new(term, RelatedOf(g, term), correctedFrom, Origin: g.Origin(term));

    private static List<TermRef> RelatedOf(GlossaryScope g, Term term) => [.. g.RelatedOf(term).Select(TermRef.Of)];

    /// <summary>The user's words as they will be echoed: trimmed and short. Renderers escape them.</summary>
    private static string Quote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 100 ? trimmed : trimmed[..100] + "…";
    }
}
