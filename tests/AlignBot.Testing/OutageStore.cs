using System.Runtime.CompilerServices;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlignBot.Testing;

/// <summary>
/// The host's real store behind a switch: while <see cref="Down"/> every call fails as the real store does when its
/// server is unreachable (<see cref="StoreUnavailableException"/>), and when it is switched back the data is all
/// there. For tests of how the host degrades during an outage and recovers after it; <see cref="GoDownAfter"/> cuts it
/// right after one write has committed.
/// </summary>
public sealed class OutageStore(SqlDatabase inner)
    : IInstallationStore, IEventDeduplicator, IConversationReferenceStore, IDailyStore, ISuggestionStore, ICuratorStore, IWorkspaceTermStore
{
    private int _failures;
    private volatile string? _downAfter;

    public bool Down { get; set; }

    /// <summary>While true, storing a suggestion never answers until it is cancelled, as a store that stopped responding.</summary>
    public bool SuggestionsHang { get; set; }

    /// <summary>Switches the store off as soon as a call of the living-glossary method <paramref name="method"/> has completed.</summary>
    public void GoDownAfter(string method) => _downAfter = method;

    /// <summary>Called with the method's name after each living-glossary call has completed: a test's hook into that moment.</summary>
    public Action<string>? AfterCall { get; set; }

    /// <summary>Calls refused while down.</summary>
    public int Failures => _failures;

    /// <summary>Puts an <see cref="OutageStore"/> over the host's store behind every store interface.</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton(provider => new OutageStore(provider.GetRequiredService<SqlDatabase>()));
        services.RemoveAll<IInstallationStore>();
        services.RemoveAll<IEventDeduplicator>();
        services.RemoveAll<IConversationReferenceStore>();
        services.RemoveAll<IDailyStore>();
        services.RemoveAll<ISuggestionStore>();
        services.RemoveAll<ICuratorStore>();
        services.RemoveAll<IWorkspaceTermStore>();
        services.AddSingleton<IInstallationStore>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<IEventDeduplicator>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<IConversationReferenceStore>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<IDailyStore>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<ISuggestionStore>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<ICuratorStore>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<IWorkspaceTermStore>(provider => provider.GetRequiredService<OutageStore>());
    }

    private T Up<T>(T store)
    {
        if (!Down)
            return store;
        Interlocked.Increment(ref _failures);
        throw new StoreUnavailableException("test outage", new TimeoutException("The store is switched off by the test."));
    }

    /// <summary>Runs <paramref name="call"/>, then switches the store off when <see cref="GoDownAfter"/> named this method.</summary>
    private async Task<T> Then<T>(Task<T> call, [CallerMemberName] string method = "")
    {
        var result = await call;
        if (_downAfter == method)
            Down = true;
        AfterCall?.Invoke(method);
        return result;
    }

    private async Task Then(Task call, [CallerMemberName] string method = "")
    {
        await call;
        if (_downAfter == method)
            Down = true;
        AfterCall?.Invoke(method);
    }

    public Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default) =>
        Up(inner.Installations).SaveAsync(installation, cancellationToken);

    public Task<WorkspaceInstallation?> FindAsync(string teamId, CancellationToken cancellationToken = default) =>
        Up(inner.Installations).FindAsync(teamId, cancellationToken);

    public Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken = default) =>
        Up(inner.Installations).DeleteAsync(teamId, cancellationToken);

    public Task<bool> TryClaimAsync(string eventKey, DateTimeOffset now, TimeSpan keepFor, CancellationToken cancellationToken = default) =>
        Up(inner.Events).TryClaimAsync(eventKey, now, keepFor, cancellationToken);

    public Task ReleaseAsync(string eventKey, CancellationToken cancellationToken = default) =>
        Up(inner.Events).ReleaseAsync(eventKey, cancellationToken);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default) =>
        Up(inner.ConversationReferences).SaveAsync(reference, cancellationToken);

    Task<ConversationReference?> IConversationReferenceStore.FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Up(inner.ConversationReferences).FindAsync(conversationId, cancellationToken);

    Task<bool> IConversationReferenceStore.DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        Up(inner.ConversationReferences).DeleteAsync(conversationId, cancellationToken);

    public Task SaveAsync(DailySubscription subscription, CancellationToken cancellationToken = default) =>
        Up(inner.Daily).SaveAsync(subscription, cancellationToken);

    public Task<DailySubscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        Up(inner.Daily).FindAsync(channel, cancellationToken);

    public Task<IReadOnlyList<DailySubscription>> EnabledAsync(CancellationToken cancellationToken = default) =>
        Up(inner.Daily).EnabledAsync(cancellationToken);

    public Task DisableAsync(ChannelKey channel, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Up(inner.Daily).DisableAsync(channel, reason, at, cancellationToken);

    public Task<DailyClaim> TryClaimAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default) =>
        Up(inner.Daily).TryClaimAsync(channel, date, owner, now, leaseUntil, cancellationToken);

    public Task MarkPostedAsync(ChannelKey channel, DateOnly date, string owner, string slug, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Up(inner.Daily).MarkPostedAsync(channel, date, owner, slug, at, cancellationToken);

    public Task<int> DeferAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, RetryBackoff backoff, CancellationToken cancellationToken = default) =>
        Up(inner.Daily).DeferAsync(channel, date, owner, now, backoff, cancellationToken);

    public Task<IReadOnlySet<string>> ShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        Up(inner.Daily).ShownAsync(channel, cancellationToken);

    public Task ResetShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        Up(inner.Daily).ResetShownAsync(channel, cancellationToken);

    public async Task<bool> TryAddAsync(Suggestion suggestion, int perDay, CancellationToken cancellationToken = default)
    {
        if (SuggestionsHang)
            await Task.Delay(Timeout.Infinite, cancellationToken);
        return await Then(Up(inner.Suggestions).TryAddAsync(suggestion, perDay, cancellationToken));
    }

    Task<Suggestion?> ISuggestionStore.FindAsync(WorkspaceKey workspace, string id, CancellationToken cancellationToken) =>
        Then(Up(inner.Suggestions).FindAsync(workspace, id, cancellationToken));

    public Task<bool> TryDecideAsync(WorkspaceKey workspace, string id, SuggestionState outcome, TermDraft draft, string decidedBy, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        Then(Up(inner.Suggestions).TryDecideAsync(workspace, id, outcome, draft, decidedBy, at, cancellationToken));

    public Task<ApprovalOutcome> TryApproveAsync(string id, WorkspaceTerm term, CancellationToken cancellationToken = default) =>
        Then(Up(inner.Suggestions).TryApproveAsync(id, term, cancellationToken));

    public Task<IReadOnlyList<Suggestion>> PendingAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        Then(Up(inner.Suggestions).PendingAsync(workspace, cancellationToken));

    public Task<bool> AddAsync(WorkspaceKey workspace, string userId, string addedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Then(Up(inner.Curators).AddAsync(workspace, userId, addedBy, at, cancellationToken));

    public Task<bool> RemoveAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken = default) =>
        Then(Up(inner.Curators).RemoveAsync(workspace, userId, cancellationToken));

    Task<IReadOnlyList<string>> ICuratorStore.ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        Then(Up(inner.Curators).ListAsync(workspace, cancellationToken));

    public Task SetReviewChannelAsync(WorkspaceKey workspace, string channelId, string setBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Then(Up(inner.Curators).SetReviewChannelAsync(workspace, channelId, setBy, at, cancellationToken));

    public Task<string?> ReviewChannelAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        Then(Up(inner.Curators).ReviewChannelAsync(workspace, cancellationToken));

    public Task<IReadOnlyList<(WorkspaceKey Workspace, string ChannelId)>> ReviewChannelsAsync(CancellationToken cancellationToken = default) =>
        Then(Up(inner.Curators).ReviewChannelsAsync(cancellationToken));

    public Task SaveAsync(WorkspaceTerm term, TermChange change, string changedBy, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Then(Up(inner.WorkspaceTerms).SaveAsync(term, change, changedBy, at, cancellationToken));

    Task<bool> IWorkspaceTermStore.DeleteAsync(WorkspaceKey workspace, string slug, string deletedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        Then(Up(inner.WorkspaceTerms).DeleteAsync(workspace, slug, deletedBy, at, cancellationToken));

    Task<IReadOnlyList<WorkspaceTerm>> IWorkspaceTermStore.ListAsync(WorkspaceKey workspace, CancellationToken cancellationToken) =>
        Then(Up(inner.WorkspaceTerms).ListAsync(workspace, cancellationToken));

    public Task<IReadOnlyList<TermRevision>> HistoryAsync(WorkspaceKey workspace, string slug, CancellationToken cancellationToken = default) =>
        Then(Up(inner.WorkspaceTerms).HistoryAsync(workspace, slug, cancellationToken));

    public Task<long> VersionAsync(WorkspaceKey workspace, CancellationToken cancellationToken = default) =>
        Then(Up(inner.WorkspaceTerms).VersionAsync(workspace, cancellationToken));
}
