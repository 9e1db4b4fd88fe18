using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using AlignBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Chat.Tests.Living;

/// <summary>
/// Workspace terms searched beside the corpus, through the bot, on a real SQLite store: answers, typeahead and related
/// links in their own workspace, nothing in any other, and other replicas refreshed from the glossary version.
/// </summary>
public sealed class WorkspaceTermSearchTests(RealGlossary real) : IClassFixture<RealGlossary>, IDisposable
{
    private static readonly DateTimeOffset Approved = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly WorkspaceKey Mine = new(Platform.Slack, "T-mine");
    private readonly TempDatabase _database = new();
    private SqliteDatabase? _store;

    private SqliteDatabase Store => _store ??= new SqliteDatabase(_database.ConnectionString);

    public void Dispose() => _database.Dispose();

    private static ChatRequest In(string workspace, string text) =>
        new(Platform.Slack, text, new ChatUser("U-asker"), new ChatPlace(workspace, "C1"));

    private async Task ApproveAsync(string slug, string name, string definition, params string[] related) =>
        await Store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(Mine, slug, new TermDraft(name, ["BTX"], definition, "https://example.org/btx", related),
            "U-alice", "U-bob", Approved), TermChange.Approved, "U-bob", Approved);

    [Fact]
    public async Task An_approved_term_answers_in_its_workspace_with_who_added_it_and_nowhere_else()
    {
        await ApproveAsync("bluetooth-exercise", "Bluetooth exercise", "Our quarterly drill where the safety team tries to break the deployment pipeline.", "red-teaming");
        var bot = new Bot(real.Glossary, workspaces: new WorkspaceGlossaries(Store.WorkspaceTerms, NullLogger<WorkspaceGlossaries>.Instance));

        var card = Assert.IsType<Reply.TermCard>(await bot.RunAsync(In("T-mine", "what is a bluetooth exercise?")));
        var acronym = Assert.IsType<Reply.TermCard>(await bot.RunAsync(In("T-mine", "define BTX")));
        var elsewhere = await bot.RunAsync(In("T-other", "what is a bluetooth exercise?"));
        var local = bot.AnswerFromGlossary(ChatRequest.Local("define BTX"));

        Assert.Equal("bluetooth-exercise", card.Term.Slug);
        Assert.Equal(("U-alice", "U-bob", Approved), (card.Origin!.SuggestedBy, card.Origin.ApprovedBy, card.Origin.ApprovedAt));
        Assert.Equal(["red-teaming"], card.Related.Select(r => r.Slug));
        Assert.Equal("bluetooth-exercise", acronym.Term.Slug);
        Assert.IsNotType<Reply.TermCard>(elsewhere);
        Assert.False(elsewhere is Reply.TermCard { Term.Slug: "bluetooth-exercise" });
        Assert.False(local is Reply.TermCard { Term.Slug: "bluetooth-exercise" });
    }

    [Fact]
    public async Task Corpus_terms_still_answer_as_before_in_a_workspace_with_terms_of_its_own()
    {
        await ApproveAsync("bluetooth-exercise", "Bluetooth exercise", "Our quarterly drill where the safety team tries to break the deployment pipeline.");
        var bot = new Bot(real.Glossary, workspaces: new WorkspaceGlossaries(Store.WorkspaceTerms, NullLogger<WorkspaceGlossaries>.Instance));

        var card = Assert.IsType<Reply.TermCard>(await bot.RunAsync(In("T-mine", "define rlhf")));

        Assert.Equal(real.Glossary.Lookup("rlhf").Answer!.Slug, card.Term.Slug);
        Assert.Null(card.Origin);
    }

    [Fact]
    public async Task Typeahead_offers_a_workspace_term_only_in_its_workspace()
    {
        await ApproveAsync("bluetooth-exercise", "Bluetooth exercise", "Our quarterly drill where the safety team tries to break the deployment pipeline.");
        var workspaces = new WorkspaceGlossaries(Store.WorkspaceTerms, NullLogger<WorkspaceGlossaries>.Instance);
        var bot = new Bot(real.Glossary, workspaces: workspaces);
        await workspaces.GetAsync(Mine);

        Assert.Equal("bluetooth-exercise", bot.Suggest("blueto", 5, Mine)[0].Slug);
        Assert.DoesNotContain(bot.Suggest("blueto", 5, new WorkspaceKey(Platform.Slack, "T-other")), t => t.Slug == "bluetooth-exercise");
        Assert.DoesNotContain(bot.Suggest("blueto", 5), t => t.Slug == "bluetooth-exercise");
    }

    [Fact]
    public async Task A_term_approved_on_another_replica_answers_here_after_a_refresh()
    {
        var here = new WorkspaceGlossaries(Store.WorkspaceTerms, NullLogger<WorkspaceGlossaries>.Instance);
        var bot = new Bot(real.Glossary, workspaces: here);
        Assert.IsNotType<Reply.TermCard>(await bot.RunAsync(In("T-mine", "define bluetooth exercise")));

        await ApproveAsync("bluetooth-exercise", "Bluetooth exercise", "Our quarterly drill where the safety team tries to break the deployment pipeline.");
        var stale = bot.AnswerAtOnce(In("T-mine", "define bluetooth exercise"))!.Reply;
        var reloaded = await here.RefreshAsync();

        Assert.IsNotType<Reply.TermCard>(stale);
        Assert.Equal(1, reloaded);
        Assert.Equal("bluetooth-exercise", Assert.IsType<Reply.TermCard>(bot.AnswerAtOnce(In("T-mine", "define bluetooth exercise"))!.Reply).Term.Slug);
        Assert.Equal(0, await here.RefreshAsync());
    }

    [Fact]
    public async Task A_workspace_not_loaded_yet_is_answered_later_not_from_the_corpus_alone()
    {
        var bot = new Bot(real.Glossary, workspaces: new WorkspaceGlossaries(Store.WorkspaceTerms, NullLogger<WorkspaceGlossaries>.Instance));

        Assert.Null(bot.AnswerAtOnce(In("T-mine", "define rlhf")));
        await bot.RunAsync(In("T-mine", "define rlhf"));
        Assert.NotNull(bot.AnswerAtOnce(In("T-mine", "define rlhf")));
    }

    [Fact]
    public async Task With_the_store_down_the_corpus_still_answers_in_a_workspace_with_one_log_line()
    {
        using var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var bot = new Bot(real.Glossary, workspaces: new WorkspaceGlossaries(new UnreachableTermStore(), loggers.CreateLogger<WorkspaceGlossaries>()));

        var card = Assert.IsType<Reply.TermCard>(await bot.RunAsync(In("T-mine", "define rlhf")));

        Assert.Equal(real.Glossary.Lookup("rlhf").Answer!.Slug, card.Term.Slug);
        Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Living glossary unavailable: The store is unavailable"));
        Assert.Null(bot.AnswerAtOnce(In("T-mine", "define rlhf")));   // not loaded: answered by the queue, as above
    }
}
