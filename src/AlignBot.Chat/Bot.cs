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

    /// <summary>Any request, including term-of-the-day commands, which read and write the store.</summary>
    public async Task<Reply> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var intent = RequestParser.Parse(request);   // once: this is the hot path of every platform
        if (intent is Intent.Daily command && daily is not null)
            return Counted(request, await daily.HandleAsync(request, DailyCommand.Parse(command.Arguments), cancellationToken));
        return Timed(request, start, Answer(intent));
    }

    /// <summary>
    /// The reply when the glossary alone answers the request, at once; null for a term-of-the-day command, which
    /// waits on the store (and for <c>daily now</c> on the platform) and so goes through <see cref="HandleAsync"/> later.
    /// </summary>
    public Reply? AnswerAtOnce(ChatRequest request)
    {
        var start = Stopwatch.GetTimestamp();
        var intent = RequestParser.Parse(request);
        return intent is Intent.Daily && daily is not null ? null : Timed(request, start, Answer(intent));
    }

    /// <summary>Any request answered from the glossary alone (everything but term-of-the-day commands).</summary>
    public Reply Handle(ChatRequest request)
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
        Intent.ComparePair pair => glossary.Find(pair.First) is { } first && glossary.Find(pair.Second) is { } second
            ? new Reply.Comparison(first, second)
            : Help(),
        Intent.Define define => Answer(define.Subject),
        Intent.Question question => Compare(question.Text) ?? Answer(question.Text),
        Intent.Search search => Search(search.Words),
        Intent.Related related => Related(related.Subject),
        Intent.Random => Card(glossary.Terms[_random.Next(glossary.Count)]),
        _ => Help(),
    };

    /// <summary>Whether the request is a term-of-the-day command (whose channel must then be reachable later).</summary>
    public static bool IsDailyCommand(ChatRequest request) => RequestParser.Parse(request) is Intent.Daily;

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

    private Reply Answer(string question)
    {
        var result = glossary.Lookup(question);
        return result.Answer is { } term
            ? Card(term, result.Kind == MatchKind.Corrected ? result.Subject : null) with { Senses = TermSenses.For(term, question) }
            : new Reply.NotFound(Quote(question), result.DidYouMean.Select(TermRef.Of).ToList());
    }

    private Reply.Comparison? Compare(string text)
    {
        foreach (var (first, second) in QuestionText.ComparisonSplits(text))
        {
            var (a, b) = (glossary.Lookup(first).Answer, glossary.Lookup(second).Answer);
            if (a is not null && b is not null && a.Slug != b.Slug)
                return new Reply.Comparison(a, b);
        }
        return null;
    }

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
