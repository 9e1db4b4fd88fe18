using System.Collections.Concurrent;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>
/// What a workspace's people tell its curators without meaning to: ratings of cards (one a person per term) and the
/// questions nothing answered (normalized, never who asked, for the retention period), and the digest of both. Disposing it
/// waits for the counts still under way (at most <see cref="DisposeLimit"/>), so a host that stops loses none of them.
/// </summary>
public sealed class GlossaryFeedback(IRatingStore ratings, IUnansweredStore unanswered, UnansweredRetention retention, TimeProvider clock,
    ILogger<GlossaryFeedback> log) : IAsyncDisposable
{
    /// <summary>How long disposing waits for counts under way on a store that stopped answering.</summary>
    public static readonly TimeSpan DisposeLimit = TimeSpan.FromSeconds(10);

    /// <summary>How many questions and terms a digest lists.</summary>
    public const int DigestLength = 10;

    /// <summary>Whether unanswered questions are kept at all.</summary>
    public bool KeepsUnanswered => retention.Keep;

    /// <summary>Records the person's rating of a card, replacing any earlier one of theirs.</summary>
    public async Task<Reply> RateAsync(ChatRequest request, Intent.Rate rate, CancellationToken cancellationToken)
    {
        await ratings.RateAsync(WorkspaceKey.Of(request), rate.Slug, request.User.Id, rate.Helpful, cancellationToken);
        return new Reply.Notice(rate.Helpful
            ? "Thanks for the feedback."
            : "Thanks for saying so. What were you looking for? Ask again in your own words, or suggest a term with “suggest <term>”.");
    }

    /// <summary>The most counts of unanswered questions that wait on the store at once (<see cref="CountUnansweredInBackground"/>).</summary>
    public const int MaxCountsWaiting = 256;

    private readonly ConcurrentDictionary<Task, byte> _counting = new();
    private int _countsWaiting;

    /// <summary>
    /// Counts a question nothing answered without making its answer wait on the store: "no definition found" goes out at
    /// once and the count follows. <see cref="DigestAsync"/> waits for the counts under way, so a curator who asks right
    /// after sees them. While <see cref="MaxCountsWaiting"/> counts wait (a store that stopped answering), a question is
    /// not counted, with a warning, as questions are not while the store is down.
    /// </summary>
    public void CountUnansweredInBackground(WorkspaceKey workspace, string question)
    {
        if (!retention.Keep)
            return;
        if (Interlocked.Increment(ref _countsWaiting) > MaxCountsWaiting)
        {
            log.UnansweredNotCounted(workspace.Id, Interlocked.Decrement(ref _countsWaiting));
            return;
        }
        var counting = RecordUnansweredAsync(workspace, question, CancellationToken.None);
        _counting.TryAdd(counting, 0);
        counting.ContinueWith(done =>
        {
            _counting.TryRemove(done, out _);
            Interlocked.Decrement(ref _countsWaiting);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Waits for the counts under way, at most <see cref="DisposeLimit"/>: the host disposes this before the store, after it
    /// stopped taking requests. Those still waiting then are not counted, with a warning.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CountsUnderWay().WaitAsync(DisposeLimit, clock);
        }
        catch (TimeoutException)
        {
            log.UnansweredLeftUncounted(_counting.Count);
        }
    }

    /// <summary>Ends when every count under way has (how each ended does not matter: a store failure was logged where it happened).</summary>
    private Task CountsUnderWay() =>
        Task.WhenAll(_counting.Keys).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Counts a question nothing answered (normalized, without who asked), when keeping them is on; never fails the answer.</summary>
    public async Task RecordUnansweredAsync(WorkspaceKey workspace, string question, CancellationToken cancellationToken)
    {
        if (!retention.Keep || Normalized(question) is not { Length: > 0 } text)
            return;
        try
        {
            await unanswered.RecordAsync(workspace, text, clock.GetUtcNow(), cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            log.LivingStoreUnavailable(ex.Message);
        }
    }

    /// <summary>The workspace's top unanswered questions of the retention period and its least helpful terms.</summary>
    public async Task<Reply.Digest> DigestAsync(WorkspaceKey workspace, GlossaryScope scope, CancellationToken cancellationToken)
    {
        await CountsUnderWay().WaitAsync(cancellationToken);
        var questions = retention.Keep
            ? await unanswered.TopAsync(workspace, clock.GetUtcNow().AddDays(-retention.Days), DigestLength, cancellationToken)
            : [];
        var least = await ratings.LeastHelpfulAsync(workspace, DigestLength, cancellationToken);
        return new Reply.Digest(questions, [.. least.Select(r => (scope.Find(r.Slug), r)).Where(p => p.Item1 is not null).Select(p => (TermRef.Of(p.Item1!), p.r))]);
    }

    /// <summary>Forgets unanswered questions older than the retention period, in every workspace; returns how many.</summary>
    public Task<int> PruneUnansweredAsync(CancellationToken cancellationToken) =>
        unanswered.PruneAsync(clock.GetUtcNow().AddDays(-(retention.Keep ? retention.Days : 0)), cancellationToken);

    /// <summary>
    /// A question as kept: chat noise removed, lower case, punctuation gone, white space folded, at most 200 characters,
    /// so "What is X?" and "what is x" count as one; never who asked.
    /// </summary>
    private static string Normalized(string question)
    {
        var letters = ChatText.Normalize(question).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var text = string.Join(' ', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 200 ? text : text[..200];
    }
}
