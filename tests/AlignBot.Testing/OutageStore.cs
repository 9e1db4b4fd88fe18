using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using AlignBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlignBot.Testing;

/// <summary>
/// The host's real store behind a switch: while <see cref="Down"/> every call fails as the real store does when its
/// server is unreachable (<see cref="StoreUnavailableException"/>), and when it is switched back the data is all
/// there. For tests of how the host degrades during an outage and recovers after it.
/// </summary>
public sealed class OutageStore(SqlStore inner) : IInstallationStore, IEventDeduplicator, IConversationReferenceStore, IDailyStore
{
    private int _failures;

    public bool Down { get; set; }

    /// <summary>Calls refused while down.</summary>
    public int Failures => _failures;

    /// <summary>Puts an <see cref="OutageStore"/> over the host's store behind every store interface.</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton(provider => new OutageStore(provider.GetRequiredService<SqlStore>()));
        services.RemoveAll<IInstallationStore>();
        services.RemoveAll<IEventDeduplicator>();
        services.RemoveAll<IConversationReferenceStore>();
        services.RemoveAll<IDailyStore>();
        services.AddSingleton<IInstallationStore>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<IEventDeduplicator>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<IConversationReferenceStore>(provider => provider.GetRequiredService<OutageStore>());
        services.AddSingleton<IDailyStore>(provider => provider.GetRequiredService<OutageStore>());
    }

    private T Up<T>(T store)
    {
        if (!Down)
            return store;
        Interlocked.Increment(ref _failures);
        throw new StoreUnavailableException("test outage", new TimeoutException("The store is switched off by the test."));
    }

    public Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default) =>
        Up<IInstallationStore>(inner).SaveAsync(installation, cancellationToken);

    public Task<WorkspaceInstallation?> FindAsync(string teamId, CancellationToken cancellationToken = default) =>
        Up<IInstallationStore>(inner).FindAsync(teamId, cancellationToken);

    public Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken = default) =>
        Up<IInstallationStore>(inner).DeleteAsync(teamId, cancellationToken);

    public Task<bool> TryClaimAsync(string eventKey, DateTimeOffset now, TimeSpan keepFor, CancellationToken cancellationToken = default) =>
        Up<IEventDeduplicator>(inner).TryClaimAsync(eventKey, now, keepFor, cancellationToken);

    public Task ReleaseAsync(string eventKey, CancellationToken cancellationToken = default) =>
        Up<IEventDeduplicator>(inner).ReleaseAsync(eventKey, cancellationToken);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default) =>
        Up<IConversationReferenceStore>(inner).SaveAsync(reference, cancellationToken);

    Task<ConversationReference?> IConversationReferenceStore.FindAsync(string conversationId, CancellationToken cancellationToken) =>
        Up<IConversationReferenceStore>(inner).FindAsync(conversationId, cancellationToken);

    Task<bool> IConversationReferenceStore.DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        Up<IConversationReferenceStore>(inner).DeleteAsync(conversationId, cancellationToken);

    public Task SaveAsync(DailySubscription subscription, CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).SaveAsync(subscription, cancellationToken);

    public Task<DailySubscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).FindAsync(channel, cancellationToken);

    public Task<IReadOnlyList<DailySubscription>> EnabledAsync(CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).EnabledAsync(cancellationToken);

    public Task DisableAsync(ChannelKey channel, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).DisableAsync(channel, reason, at, cancellationToken);

    public Task<DailyClaim> TryClaimAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).TryClaimAsync(channel, date, owner, now, leaseUntil, cancellationToken);

    public Task MarkPostedAsync(ChannelKey channel, DateOnly date, string owner, string slug, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).MarkPostedAsync(channel, date, owner, slug, at, cancellationToken);

    public Task DeferAsync(ChannelKey channel, DateOnly date, string owner, Func<int, DateTimeOffset> retryAt, CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).DeferAsync(channel, date, owner, retryAt, cancellationToken);

    public Task<IReadOnlySet<string>> ShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).ShownAsync(channel, cancellationToken);

    public Task ResetShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) =>
        Up<IDailyStore>(inner).ResetShownAsync(channel, cancellationToken);
}
