using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;

namespace AlignBot.Storage.Tests;

/// <summary>
/// The living glossary's stores (workspace terms, suggestions, curators, ratings, unanswered questions) on a real
/// database, run against SQLite and PostgreSQL alike through <see cref="StoreContract"/>. Each test uses its own
/// workspace ids, so the PostgreSQL run can share one database.
/// </summary>
public abstract class LivingGlossaryContract : DailyStoreContract
{
    protected abstract SqlDatabase Store { get; }

    protected override IDailyStore Daily => Store.Daily;

    /// <summary>Another store on the same database, as a second replica opens it.</summary>
    protected abstract SqlDatabase OpenAgain();

    /// <summary>The rater column of the workspace's ratings as stored, read past the store.</summary>
    protected abstract Task<IReadOnlyList<string>> StoredRatersAsync(string workspace);

    private WorkspaceKey Workspace(string name = "T1") => new(Platform.Slack, name + "-" + Run);

    private static TermDraft Draft(string name, string definition = "A definition long enough to pass the form's thirty character floor.") =>
        new(name, ["ALT", "alternative name"], definition, "https://example.org/source", ["rlhf", "reward-model"]);

    [SkippableFact]
    public async Task Workspace_term_keeps_every_revision_with_who_when_and_what()
    {
        var workspace = Workspace();
        var term = new WorkspaceTerm(workspace, "blue-team", Draft("Blue team"), "U-alice", "U-bob", Now);

        await Store.WorkspaceTerms.SaveAsync(term, TermChange.Approved, "U-bob", Now);
        var edited = term with { Draft = Draft("Blue team", "The group that defends a system while a red team attacks it, in an exercise.") };
        await Store.WorkspaceTerms.SaveAsync(edited, TermChange.Edited, "U-carol", Now.AddHours(1));
        Assert.True(await Store.WorkspaceTerms.DeleteAsync(workspace, "blue-team", "U-bob", Now.AddHours(2)));

        var history = await Store.WorkspaceTerms.HistoryAsync(workspace, "blue-team");
        Assert.Equal([TermChange.Approved, TermChange.Edited, TermChange.Deleted], history.Select(r => r.Change));
        Assert.Equal(["U-bob", "U-carol", "U-bob"], history.Select(r => r.ChangedBy));
        Assert.Equal([Now, Now.AddHours(1), Now.AddHours(2)], history.Select(r => r.ChangedAt));
        Assert.Equivalent(term, history[0].Term, strict: true);
        Assert.Equal(edited.Draft.Definition, history[1].Term.Draft.Definition);
        Assert.Empty(await Store.WorkspaceTerms.ListAsync(workspace));
        Assert.False(await Store.WorkspaceTerms.DeleteAsync(workspace, "blue-team", "U-bob", Now.AddHours(3)));
    }

    [SkippableFact]
    public async Task Workspace_terms_are_listed_only_in_their_own_workspace_and_each_change_raises_its_version()
    {
        var (mine, other) = (Workspace("mine"), Workspace("other"));
        Assert.Equal(0, await Store.WorkspaceTerms.VersionAsync(mine));

        await Store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(mine, "b-term", Draft("B term"), "U1", "U2", Now), TermChange.Approved, "U2", Now);
        await Store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(mine, "a-term", Draft("A term") with { SourceUrl = null, Aliases = [] }, "U1", "U2", Now),
            TermChange.Imported, "cli", Now);

        var listed = await Store.WorkspaceTerms.ListAsync(mine);
        Assert.Equal(["a-term", "b-term"], listed.Select(t => t.Slug));
        Assert.Equal((null, 0), (listed[0].Draft.SourceUrl, listed[0].Draft.Aliases.Count));
        Assert.Equal(["ALT", "alternative name"], listed[1].Draft.Aliases);
        Assert.Equal(2, await Store.WorkspaceTerms.VersionAsync(mine));
        Assert.Empty(await Store.WorkspaceTerms.ListAsync(other));
        Assert.Equal(0, await Store.WorkspaceTerms.VersionAsync(other));
        Assert.Empty(await Store.WorkspaceTerms.HistoryAsync(other, "a-term"));
    }

    [SkippableFact]
    public async Task Concurrent_changes_each_raise_the_version_once()
    {
        var workspace = Workspace();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.WorkspaceTerms.SaveAsync(
            new WorkspaceTerm(workspace, "term-" + i, Draft("Term " + i), "U1", "U2", Now), TermChange.Approved, "U2", Now))));

        Assert.Equal(8, await Store.WorkspaceTerms.VersionAsync(workspace));
        Assert.Equal(8, (await Store.WorkspaceTerms.ListAsync(workspace)).Count);
    }

    [SkippableFact]
    public async Task Suggestion_round_trips_and_is_found_only_with_its_own_workspace()
    {
        var suggestion = Suggestion.New(Workspace(), Draft("Purple team"), "U-alice", Now);

        Assert.True(await Store.Suggestions.TryAddAsync(suggestion, perDay: 20));

        Assert.Equivalent(suggestion, await Store.Suggestions.FindAsync(suggestion.Workspace, suggestion.Id), strict: true);
        Assert.Null(await Store.Suggestions.FindAsync(Workspace("T2"), suggestion.Id));
        Assert.Equal([suggestion.Id], (await Store.Suggestions.PendingAsync(suggestion.Workspace)).Select(s => s.Id));
        Assert.False(await Store.Suggestions.TryDecideAsync(Workspace("T2"), suggestion.Id, SuggestionState.Approved, suggestion.Draft, "U-evil", Now));
        Assert.Equal(SuggestionState.Pending, (await Store.Suggestions.FindAsync(suggestion.Workspace, suggestion.Id))!.State);
    }

    [SkippableFact]
    public async Task Suggestion_is_decided_once_with_the_draft_as_approved_and_never_again()
    {
        var suggestion = Suggestion.New(Workspace(), Draft("Purple team"), "U-alice", Now);
        await Store.Suggestions.TryAddAsync(suggestion, perDay: 20);
        var edited = suggestion.Draft with { Definition = "Red and blue teams working together, sharing what each finds as they go." };

        Assert.True(await Store.Suggestions.TryDecideAsync(suggestion.Workspace, suggestion.Id, SuggestionState.Approved, edited, "U-bob", Now.AddMinutes(5)));
        Assert.False(await Store.Suggestions.TryDecideAsync(suggestion.Workspace, suggestion.Id, SuggestionState.Rejected, suggestion.Draft, "U-carol", Now.AddMinutes(6)));

        var decided = await Store.Suggestions.FindAsync(suggestion.Workspace, suggestion.Id);
        Assert.Equal((SuggestionState.Approved, "U-bob", Now.AddMinutes(5)), (decided!.State, decided.DecidedBy, decided.DecidedAt));
        Assert.Equal(edited.Definition, decided.Draft.Definition);
        Assert.Empty(await Store.Suggestions.PendingAsync(suggestion.Workspace));
    }

    [SkippableFact]
    public async Task Two_curators_deciding_at_once_give_exactly_one_outcome()
    {
        var suggestion = Suggestion.New(Workspace(), Draft("Purple team"), "U-alice", Now);
        await Store.Suggestions.TryAddAsync(suggestion, perDay: 20);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.Suggestions.TryDecideAsync(suggestion.Workspace,
            suggestion.Id, i % 2 == 0 ? SuggestionState.Approved : SuggestionState.Rejected, suggestion.Draft, "U-curator-" + i, Now))));

        var winner = Assert.Single(Enumerable.Range(0, 8), i => results[i]);
        var decided = await Store.Suggestions.FindAsync(suggestion.Workspace, suggestion.Id);
        Assert.Equal("U-curator-" + winner, decided!.DecidedBy);
        Assert.Equal(winner % 2 == 0 ? SuggestionState.Approved : SuggestionState.Rejected, decided.State);
    }

    [SkippableFact]
    public async Task Approving_decides_the_suggestion_and_adds_its_term_together_and_only_once()
    {
        var suggestion = Suggestion.New(Workspace(), Draft("Purple team"), "U-alice", Now);
        await Store.Suggestions.TryAddAsync(suggestion, perDay: 20);
        var term = new WorkspaceTerm(suggestion.Workspace, "purple-team", suggestion.Draft, "U-alice", "U-bob", Now.AddMinutes(5));

        Assert.Equal(ApprovalOutcome.AlreadyDecided, await Store.Suggestions.TryApproveAsync(suggestion.Id, term with { Workspace = Workspace("T2") }));
        Assert.Equal(ApprovalOutcome.Approved, await Store.Suggestions.TryApproveAsync(suggestion.Id, term));
        Assert.Equal(ApprovalOutcome.AlreadyDecided, await Store.Suggestions.TryApproveAsync(suggestion.Id, term with { ApprovedBy = "U-carol" }));

        var decided = await Store.Suggestions.FindAsync(suggestion.Workspace, suggestion.Id);
        Assert.Equal((SuggestionState.Approved, "U-bob", Now.AddMinutes(5)), (decided!.State, decided.DecidedBy, decided.DecidedAt));
        var revision = Assert.Single(await Store.WorkspaceTerms.HistoryAsync(suggestion.Workspace, "purple-team"));
        Assert.Equal((TermChange.Approved, "U-bob"), (revision.Change, revision.ChangedBy));
        Assert.Equivalent(term, revision.Term, strict: true);
        Assert.Equal(1, await Store.WorkspaceTerms.VersionAsync(suggestion.Workspace));
        Assert.Empty(await Store.WorkspaceTerms.ListAsync(Workspace("T2")));
    }

    [SkippableFact]
    public async Task Two_approvals_of_one_name_at_once_add_one_term_and_leave_the_other_suggestion_pending()
    {
        var workspace = Workspace();
        var rivals = Enumerable.Range(0, 6).Select(i => Suggestion.New(workspace, Draft("Purple team", $"Definition number {i}, long enough to pass the form's floor."),
            "U-alice", Now.AddSeconds(i))).ToList();
        foreach (var rival in rivals)
            await Store.Suggestions.TryAddAsync(rival, perDay: 20);

        var results = await Task.WhenAll(rivals.Select(rival => Task.Run(() => Store.Suggestions.TryApproveAsync(rival.Id,
            new WorkspaceTerm(workspace, "purple-team", rival.Draft, "U-alice", "U-bob", Now.AddMinutes(5))))));

        var winner = Assert.Single(Enumerable.Range(0, rivals.Count), i => results[i] == ApprovalOutcome.Approved);
        Assert.All(results.Where((_, i) => i != winner), r => Assert.Equal(ApprovalOutcome.NameTaken, r));
        var term = Assert.Single(await Store.WorkspaceTerms.ListAsync(workspace));
        Assert.Equal(rivals[winner].Draft.Definition, term.Draft.Definition);
        Assert.Single(await Store.WorkspaceTerms.HistoryAsync(workspace, "purple-team"));
        Assert.Equal(rivals.Count - 1, (await Store.Suggestions.PendingAsync(workspace)).Count);
    }

    [SkippableFact]
    public async Task A_name_freed_by_a_deletion_can_be_approved_again()
    {
        var workspace = Workspace();
        await Store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(workspace, "purple-team", Draft("Purple team"), "U-alice", "U-bob", Now), TermChange.Approved, "U-bob", Now);
        var suggestion = Suggestion.New(workspace, Draft("Purple team"), "U-carol", Now.AddHours(1));
        await Store.Suggestions.TryAddAsync(suggestion, perDay: 20);
        var term = new WorkspaceTerm(workspace, "purple-team", suggestion.Draft, "U-carol", "U-bob", Now.AddHours(2));

        Assert.Equal(ApprovalOutcome.NameTaken, await Store.Suggestions.TryApproveAsync(suggestion.Id, term));
        Assert.True(await Store.WorkspaceTerms.DeleteAsync(workspace, "purple-team", "U-bob", Now.AddHours(2)));
        Assert.Equal(ApprovalOutcome.Approved, await Store.Suggestions.TryApproveAsync(suggestion.Id, term));
    }

    [SkippableFact]
    public async Task A_person_may_suggest_twenty_terms_a_day_and_more_the_next_day()
    {
        var workspace = Workspace();
        Suggestion At(int minutes, string by = "U-eager") => Suggestion.New(workspace, Draft("Term " + minutes), by, Now.AddMinutes(minutes));

        for (var i = 0; i < 20; i++)
            Assert.True(await Store.Suggestions.TryAddAsync(At(i), perDay: 20));
        var refused = At(30);

        Assert.False(await Store.Suggestions.TryAddAsync(refused, perDay: 20));
        Assert.Null(await Store.Suggestions.FindAsync(workspace, refused.Id));
        Assert.True(await Store.Suggestions.TryAddAsync(At(31, by: "U-someone-else"), perDay: 20));
        Assert.True(await Store.Suggestions.TryAddAsync(At(24 * 60 + 1), perDay: 20));
    }

    [SkippableFact]
    public async Task Twenty_a_day_holds_when_one_person_submits_many_at_once()
    {
        var workspace = Workspace();

        var added = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Store.Suggestions.TryAddAsync(Suggestion.New(workspace, Draft("Burst " + i), "U-burst", Now.AddSeconds(i)), perDay: 20))));

        Assert.Equal(20, added.Count(a => a));
    }

    [SkippableFact]
    public async Task Curators_added_in_chat_are_listed_per_workspace_and_removed()
    {
        var (workspace, other) = (Workspace(), Workspace("T2"));

        Assert.True(await Store.Curators.AddAsync(workspace, "U-bob", "U-admin", Now));
        Assert.False(await Store.Curators.AddAsync(workspace, "U-bob", "U-admin", Now));
        Assert.True(await Store.Curators.AddAsync(workspace, "U-amy", "U-admin", Now));

        Assert.Equal(["U-amy", "U-bob"], await Store.Curators.ListAsync(workspace));
        Assert.Empty(await Store.Curators.ListAsync(other));
        Assert.True(await Store.Curators.RemoveAsync(workspace, "U-bob"));
        Assert.False(await Store.Curators.RemoveAsync(workspace, "U-bob"));
        Assert.Equal(["U-amy"], await Store.Curators.ListAsync(workspace));
    }

    [SkippableFact]
    public async Task Review_channel_is_set_replaced_and_kept_per_workspace()
    {
        var workspace = Workspace();
        Assert.Null(await Store.Curators.ReviewChannelAsync(workspace));

        await Store.Curators.SetReviewChannelAsync(workspace, "C-first", "U-admin", Now);
        await Store.Curators.SetReviewChannelAsync(workspace, "C-second", "U-admin", Now.AddDays(1));

        Assert.Equal("C-second", await Store.Curators.ReviewChannelAsync(workspace));
        Assert.Null(await Store.Curators.ReviewChannelAsync(Workspace("T2")));
        Assert.Single(await Store.Curators.ReviewChannelsAsync(), r => r.Workspace == workspace && r.ChannelId == "C-second");
    }

    [SkippableFact]
    public async Task Ratings_are_counted_per_term_per_workspace_least_helpful_first()
    {
        var workspace = Workspace();
        foreach (var (slug, user, helpful) in new[]
                 {
                     ("rlhf", "U1", true), ("rlhf", "U2", false), ("dpo", "U1", false), ("dpo", "U2", false), ("rlhf", "U3", true), ("sae", "U1", true),
                 })
            await Store.Ratings.RateAsync(workspace, slug, user, helpful);
        await Store.Ratings.RateAsync(Workspace("T2"), "sae", "U1", helpful: false);

        var least = await Store.Ratings.LeastHelpfulAsync(workspace, limit: 5);

        Assert.Equal([new TermRating("dpo", 0, 2), new TermRating("rlhf", 2, 1)], least);
        Assert.Equal([new TermRating("dpo", 0, 2)], await Store.Ratings.LeastHelpfulAsync(workspace, limit: 1));
    }

    [SkippableFact]
    public async Task A_person_rating_a_term_again_is_counted_once_and_a_change_of_mind_replaces_their_rating()
    {
        var workspace = Workspace();
        for (var i = 0; i < 3; i++)
            await Store.Ratings.RateAsync(workspace, "dpo", "U-same", helpful: false);
        await Store.Ratings.RateAsync(workspace, "dpo", "U-other", helpful: false);
        await Store.Ratings.RateAsync(workspace, "rlhf", "U-same", helpful: false);
        await Store.Ratings.RateAsync(workspace, "rlhf", "U-same", helpful: true);
        await Store.Ratings.RateAsync(Workspace("T2"), "dpo", "U-same", helpful: true);   // the same id in another workspace is another rating

        var least = await Store.Ratings.LeastHelpfulAsync(workspace, limit: 5);

        Assert.Equal([new TermRating("dpo", 0, 2)], least);
    }

    [SkippableFact]
    public async Task Raters_are_kept_as_a_keyed_hash_that_every_replica_shares_and_never_as_user_ids()
    {
        var workspace = Workspace();
        const string user = "U0RATER0001";

        await Store.Ratings.RateAsync(workspace, "dpo", user, helpful: false);
        await OpenAgain().Ratings.RateAsync(workspace, "dpo", user, helpful: true);   // another replica: the same key, so the same person

        Assert.Empty(await Store.Ratings.LeastHelpfulAsync(workspace, limit: 5));
        var rater = Assert.Single(await StoredRatersAsync(workspace.Id));
        Assert.DoesNotContain(user, rater);
        var unkeyed = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(workspace.Id + "\n" + user));
        Assert.NotEqual(Convert.ToBase64String(unkeyed), rater);
        Assert.Equal(32, Convert.FromBase64String(rater).Length);
    }

    [SkippableFact]
    public async Task Unanswered_questions_are_counted_listed_most_asked_first_and_pruned_after_retention()
    {
        var workspace = Workspace();
        await Store.Unanswered.RecordAsync(workspace, "what is a foo", Now.AddDays(-100));
        await Store.Unanswered.RecordAsync(workspace, "what is a bar", Now.AddDays(-2));
        await Store.Unanswered.RecordAsync(workspace, "what is a bar", Now.AddDays(-3));   // late write keeps the newer time
        await Store.Unanswered.RecordAsync(workspace, "what is a baz", Now);
        await Store.Unanswered.RecordAsync(Workspace("T2"), "what is a bar", Now);

        var top = await Store.Unanswered.TopAsync(workspace, Now.AddDays(-90), limit: 10);

        Assert.Equal([new UnansweredQuestion("what is a bar", 2, Now.AddDays(-2)), new UnansweredQuestion("what is a baz", 1, Now)], top);
        Assert.True(await Store.Unanswered.PruneAsync(Now.AddDays(-90)) >= 1);
        Assert.Equal(3, (await Store.Unanswered.TopAsync(workspace, DateTimeOffset.UnixEpoch, limit: 10)).Sum(q => q.Count));
    }
}
