using System.Diagnostics;
using AlignBot.Chat.Daily;
using AlignBot.Glossary;
using AlignBot.Glossary.Search;

namespace AlignBot.Chat;

/// <summary>
/// The platform-neutral bot: one <see cref="ChatRequest"/> in, one <see cref="Reply"/> out. It understands the
/// request, asks the glossary and says what it found; adapters render and deliver.
/// </summary>
public sealed class Bot(TermGlossary glossary, Random? random = null, DailyService? daily = null, ChatMetrics? metrics = null)
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
        return Timed(request, start, Answer(intent));
    }

    /// <summary>
    /// The reply when the glossary alone answers the request, at once, and whether it may be cached (the bot knows what
    /// the request meant, so no adapter parses it again to decide); null for a term-of-the-day command, which waits on
    /// the store (and for <c>daily now</c> on the platform) and so goes through <see cref="RunAsync"/> later.
    /// </summary>
    public ImmediateAnswer? AnswerAtOnce(ChatRequest request)
    {
        var start = Stopwatch.GetTimestamp();
        var intent = RequestParser.Parse(request);
        if (intent is Intent.Daily && daily is not null)
            return null;
        var reply = Timed(request, start, Answer(intent));
        return new ImmediateAnswer(reply, MayBeCached(intent, reply));
    }

    /// <summary>Whether the same words always get this reply until the corpus changes.</summary>
    private static bool MayBeCached(Intent intent, Reply reply) =>
        intent is not (Intent.Random or Intent.Daily or Intent.Help)
        && reply is Reply.TermCard { Heading: null } or Reply.Comparison or Reply.SearchResults or Reply.NotFound;

    /// <summary>
    /// Understands the request and answers it from the glossary alone, synchronously and without effects; a
    /// term-of-the-day command gets a notice that it is for channels. What the command line and the evaluation call.
    /// </summary>
    public Reply AnswerFromGlossary(ChatRequest request)
    {
        var start = Stopwatch.GetTimestamp();
        return Timed(request, start, Answer(RequestParser.Parse(request)));
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

    private Reply Answer(Intent intent) => intent switch
    {
        Intent.Daily => new Reply.Notice("The term of the day is not available here: it is for Slack and Teams channels."),
        Intent.ShowTerm show => glossary.Find(show.Slug) is { } term ? Card(term) : Answer(show.Slug),
        Intent.CompareTerms compare => compare.Slugs.Select(glossary.Find).ToList() is var terms && terms.All(t => t is not null)
            ? new Reply.Comparison(terms!)
            : Help(),
        Intent.Define define => Answer(define.Subject),
        Intent.Question question => Compare(question.Text) ?? Answer(question.Text),
        Intent.Search search => Search(search.Words),
        Intent.Related related => Related(related.Subject),
        Intent.Random => Card(glossary.Terms[_random.Next(glossary.Count)]),
        Intent.Greeting greeting => Greet(greeting),
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

    /// <summary>Terms for a picker as the user types: names that start with, then contain, then search for the text.</summary>
    public IReadOnlyList<Term> Suggest(string typed, int limit) => glossary.Suggest(typed[..Math.Min(typed.Length, MaxTypedLength)], limit);

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

    private Reply Answer(string question)
    {
        var result = glossary.Lookup(question);
        if (result.Answer is not { } term)
            return new Reply.NotFound(Quote(question), result.DidYouMean.Select(TermRef.Of).ToList());
        var card = Card(term, result.Kind == MatchKind.Corrected ? result.Subject : null) with { Senses = TermSenses.For(term, question) };
        return result.Kind == MatchKind.Plausible
            ? card with { Alternatives = result.Ranked.Skip(1).Where(h => h.Coverage >= LookupResult.SuggestCoverage).Take(3).Select(h => TermRef.Of(h.Term)).ToList() }
            : card;
    }

    private Reply.Comparison? Compare(string text)
    {
        foreach (var parts in QuestionText.ComparisonSplits(text))
        {
            var terms = parts.Select((part, i) => Side(part, first: i == 0, last: i == parts.Count - 1)).ToList();
            if (terms.All(t => t is not null) && terms.DistinctBy(t => t!.Slug).Count() == terms.Count)
                return new Reply.Comparison(terms!);
        }
        return null;
    }

    /// <summary>
    /// The term one side of a comparison names: the whole side when it is answered, else the longest run of its
    /// words that is a term's name, alias or acronym, starting where the side starts (the last side: "dpo whats the
    /// diff") or ending where it ends (the first side: "so in standup someone said rlhf").
    /// </summary>
    private Term? Side(string part, bool first, bool last)
    {
        if (glossary.Lookup(part).Answer is { } whole)
            return whole;
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = words.Length - 1; length >= 1; length--)
        {
            if (last && Named(string.Join(' ', words[..length])) is { } head)
                return head;
            if (first && Named(string.Join(' ', words[^length..])) is { } tail)
                return tail;
        }
        return null;
    }

    private Term? Named(string words) => glossary.Name(words);

    private Reply Search(string words)
    {
        var hits = glossary.Search(words, MaxSearchResults);
        return hits.Count == 0
            ? new Reply.NotFound(Quote(words), [])
            : new Reply.SearchResults(Quote(words), hits.Select(h => TermRef.Of(h.Term)).ToList());
    }

    private Reply Related(string subject)
    {
        var result = glossary.Lookup(subject);
        if (result.Answer is not { } term)
            return new Reply.NotFound(Quote(subject), result.DidYouMean.Select(TermRef.Of).ToList());
        return new Reply.RelatedTerms(TermRef.Of(term), RelatedOf(term));
    }

    private Reply.TermCard Card(Term term, string? correctedFrom = null) => new(term, RelatedOf(term), correctedFrom);

    private List<TermRef> RelatedOf(Term term) => [.. glossary.RelatedOf(term).Select(TermRef.Of)];

    /// <summary>The user's words as they will be echoed: trimmed and short. Renderers escape them.</summary>
    private static string Quote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 100 ? trimmed : trimmed[..100] + "…";
    }
}
