using AlignBot.Chat.Daily;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Tests.Daily;
using AlignBot.Storage;
using AlignBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Chat.Tests.Living;

/// <summary>The curators' weekly digest on a real SQLite store, when the workspace's own terms cannot be read.</summary>
public sealed class DigestServiceTests(RealGlossary real) : IClassFixture<RealGlossary>, IDisposable
{
    private static readonly WorkspaceKey Workspace = new(Platform.Slack, "T-digest");
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_monday_digest_goes_out_with_the_corpus_alone_while_the_workspace_terms_cannot_be_read_with_one_log_line()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 30, TimeSpan.Zero));   // a Monday, 09:00 UTC
        var store = new SqliteDatabase(_database.ConnectionString);
        await store.Curators.SetReviewChannelAsync(Workspace, "C-review", "U-curator", clock.GetUtcNow());
        await store.Unanswered.RecordAsync(Workspace, "what is a flibbertigibbet", clock.GetUtcNow().AddDays(-1));
        using var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var workspaces = new WorkspaceGlossaries(new UnreachableTermStore(), loggers.CreateLogger<WorkspaceGlossaries>());
        var feedback = new GlossaryFeedback(store.Ratings, store.Unanswered, UnansweredRetention.Default, clock, NullLogger<GlossaryFeedback>.Instance);
        var publisher = new DigestPublisher();
        var digests = new DigestService(store.Curators, new InMemoryDailyStore(), feedback, real.Glossary, workspaces, [publisher], clock,
            NullLogger<DigestService>.Instance);

        Assert.Equal(1, await digests.RunDueAsync(CancellationToken.None));

        var (channel, digest) = Assert.Single(publisher.Posts);
        Assert.Equal("C-review", channel.ChannelId);
        Assert.Contains(digest.Questions, q => q.Text.Contains("flibbertigibbet", StringComparison.Ordinal));
        Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Living glossary unavailable"));
    }

    /// <summary>Records the digests posted.</summary>
    private sealed class DigestPublisher : IDailyPublisher
    {
        public Platform Platform => Platform.Slack;

        public List<(ChannelKey Channel, Reply.Digest Digest)> Posts { get; } = [];

        public Task PublishAsync(ChannelKey channel, Reply card, CancellationToken cancellationToken)
        {
            Posts.Add((channel, (Reply.Digest)card));
            return Task.CompletedTask;
        }
    }
}
