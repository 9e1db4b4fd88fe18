using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using AlignBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Chat.Tests.Living;

/// <summary>
/// A question nothing answered is answered at once and counted in the background, on a real SQLite store whose writes
/// are held back: the answer does not wait for the count, a digest asked right after waits for it, and a store that
/// stops answering holds at most <see cref="GlossaryFeedback.MaxCountsWaiting"/> counts.
/// </summary>
public sealed class UnansweredCountTests(RealGlossary real) : IClassFixture<RealGlossary>, IDisposable
{
    private static readonly WorkspaceKey Workspace = new(Platform.Slack, "T-unanswered");
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task No_definition_found_is_answered_before_the_count_is_written_and_the_digest_waits_for_the_count()
    {
        var store = new SqliteDatabase(_database.ConnectionString);
        var held = new HeldWrites(store.Unanswered);
        var feedback = new GlossaryFeedback(store.Ratings, held, UnansweredRetention.Default, _clock, NullLogger<GlossaryFeedback>.Instance);
        var bot = new Bot(real.Glossary, feedback: feedback);

        var answer = bot.AnswerAtOnce(new ChatRequest(Platform.Slack, "what is a flibbertigibbet", new ChatUser("U1"), new ChatPlace(Workspace.WorkspaceOrTenantId, "C1")));

        Assert.IsType<Reply.NotFound>(answer?.Reply);
        Assert.False(answer!.MayBeCached);   // asked again, it must be counted again
        Assert.Equal(1, held.Waiting);
        var digest = feedback.DigestAsync(Workspace, new GlossaryScope(real.Glossary), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(digest.IsCompleted);   // waits for the count under way

        held.Release();

        var question = Assert.Single((await digest).Questions);
        Assert.Contains("flibbertigibbet", question.Text);
    }

    [Fact]
    public async Task A_store_that_stops_answering_holds_a_bounded_number_of_counts_and_the_rest_are_not_counted_with_a_warning()
    {
        var store = new SqliteDatabase(_database.ConnectionString);
        var held = new HeldWrites(store.Unanswered);
        using var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var feedback = new GlossaryFeedback(store.Ratings, held, UnansweredRetention.Default, _clock, loggers.CreateLogger<GlossaryFeedback>());

        for (var i = 0; i < GlossaryFeedback.MaxCountsWaiting + 3; i++)
            feedback.CountUnansweredInBackground(Workspace, $"what is thing {i}");

        Assert.Equal(GlossaryFeedback.MaxCountsWaiting, held.Waiting);
        Assert.Equal(3, logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("was not counted")));
        held.Release();
        var digest = await feedback.DigestAsync(Workspace, new GlossaryScope(real.Glossary), CancellationToken.None);
        Assert.Equal(GlossaryFeedback.DigestLength, digest.Questions.Count);
        Assert.Equal(GlossaryFeedback.MaxCountsWaiting,
            (await store.Unanswered.TopAsync(Workspace, DateTimeOffset.UnixEpoch, 1_000)).Count);
    }

    [Fact]
    public async Task Disposing_waits_for_the_counts_under_way_so_a_stopping_host_loses_none()
    {
        var store = new SqliteDatabase(_database.ConnectionString);
        var held = new HeldWrites(store.Unanswered);
        var feedback = new GlossaryFeedback(store.Ratings, held, UnansweredRetention.Default, _clock, NullLogger<GlossaryFeedback>.Instance);
        feedback.CountUnansweredInBackground(Workspace, "what is a flibbertigibbet");

        var disposing = feedback.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);   // with nothing under way it would have completed at once
        held.Release();
        await disposing;

        Assert.Contains("flibbertigibbet", Assert.Single(await store.Unanswered.TopAsync(Workspace, DateTimeOffset.UnixEpoch, 10)).Text);
    }

    [Fact]
    public async Task Disposing_gives_up_on_a_store_that_stopped_answering_after_its_limit_with_one_warning()
    {
        var store = new SqliteDatabase(_database.ConnectionString);
        var held = new HeldWrites(store.Unanswered);
        using var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var feedback = new GlossaryFeedback(store.Ratings, held, UnansweredRetention.Default, _clock, loggers.CreateLogger<GlossaryFeedback>());
        feedback.CountUnansweredInBackground(Workspace, "what is a flibbertigibbet");
        feedback.CountUnansweredInBackground(Workspace, "what is a snollygoster");

        var disposing = feedback.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        _clock.Advance(GlossaryFeedback.DisposeLimit);
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Stopping with 2 unanswered questions still waiting"));
        held.Release();
    }

    /// <summary>The store's unanswered questions, with every write held until <see cref="Release"/>.</summary>
    private sealed class HeldWrites(IUnansweredStore inner) : IUnansweredStore
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public void Release() => _released.TrySetResult();

        public async Task RecordAsync(WorkspaceKey workspace, string normalizedText, DateTimeOffset at, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _waiting);
            await _released.Task;
            await inner.RecordAsync(workspace, normalizedText, at, cancellationToken);
        }

        public Task<IReadOnlyList<UnansweredQuestion>> TopAsync(WorkspaceKey workspace, DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
            inner.TopAsync(workspace, since, limit, cancellationToken);

        public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => inner.PruneAsync(before, cancellationToken);
    }
}
