using System.Collections.Concurrent;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Tests.Daily;

/// <summary>A hand-written fake with the store's real semantics (claims, leases, rounds), for scheduler tests; it keeps the
/// same <see cref="DailyStoreContract"/> as the SQLite and PostgreSQL stores (<see cref="InMemoryDailyStoreContractTests"/>).</summary>
internal sealed class InMemoryDailyStore : IDailyStore
{
    private readonly ConcurrentDictionary<string, DailySubscription> _subscriptions = new();
    private readonly Dictionary<(string, DateOnly), Claim> _claims = new();
    private readonly ConcurrentDictionary<string, HashSet<string>> _shown = new();
    private readonly object _gate = new();

    public List<(string Channel, DateOnly Date, string Slug)> Posted { get; } = [];

    /// <summary>While true every call fails as the real store does when its server is unreachable.</summary>
    public bool Down { get; set; }

    private void Check()
    {
        if (Down)
            throw new StoreUnavailableException("test outage", new TimeoutException("switched off by the test"));
    }

    public Task SaveAsync(DailySubscription subscription, CancellationToken cancellationToken = default)
    {
        Check();
        _subscriptions[subscription.Channel.Id] = subscription;
        return Task.CompletedTask;
    }

    public Task<DailySubscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken = default)
    {
        Check();
        return Task.FromResult(_subscriptions.GetValueOrDefault(channel.Id));
    }

    public Task<IReadOnlyList<DailySubscription>> EnabledAsync(CancellationToken cancellationToken = default)
    {
        Check();
        return Task.FromResult<IReadOnlyList<DailySubscription>>(_subscriptions.Values.Where(s => s.Enabled).ToList());
    }

    public Task DisableAsync(ChannelKey channel, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Check();
        if (_subscriptions.TryGetValue(channel.Id, out var s))
            _subscriptions[channel.Id] = s with { Enabled = false, DisabledReason = reason, ChangedAt = at };
        return Task.CompletedTask;
    }

    public Task<DailyClaim> TryClaimAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default)
    {
        Check();
        lock (_gate)
        {
            if (_claims.TryGetValue((channel.Id, date), out var claim))
            {
                if (claim.Posted)
                    return Task.FromResult(DailyClaim.AlreadyPosted);
                if (claim.LeaseUntil > now)
                    return Task.FromResult(DailyClaim.HeldElsewhere);
                claim.Owner = owner;
                claim.LeaseUntil = leaseUntil;
                return Task.FromResult(DailyClaim.Claimed);
            }
            _claims[(channel.Id, date)] = new Claim { Owner = owner, LeaseUntil = leaseUntil };
            return Task.FromResult(DailyClaim.Claimed);
        }
    }

    public Task MarkPostedAsync(ChannelKey channel, DateOnly date, string owner, string slug, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Check();
        lock (_gate)
        {
            var claim = _claims[(channel.Id, date)];
            if (claim.Owner == owner)
            {
                claim.Posted = true;
                Posted.Add((channel.Id, date, slug));
                _shown.GetOrAdd(channel.Id, _ => []).Add(slug);
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> DeferAsync(ChannelKey channel, DateOnly date, string owner, DateTimeOffset now, RetryBackoff backoff, CancellationToken cancellationToken = default)
    {
        Check();
        lock (_gate)
        {
            if (!_claims.TryGetValue((channel.Id, date), out var claim) || claim.Owner != owner)
                return Task.FromResult(0);
            claim.LeaseUntil = now + backoff.After(++claim.Attempts);
            return Task.FromResult(claim.Attempts);
        }
    }

    public Task<IReadOnlySet<string>> ShownAsync(ChannelKey channel, CancellationToken cancellationToken = default)
    {
        Check();
        lock (_gate)
            return Task.FromResult<IReadOnlySet<string>>(_shown.GetOrAdd(channel.Id, _ => []).ToHashSet());
    }

    public Task ResetShownAsync(ChannelKey channel, CancellationToken cancellationToken = default)
    {
        Check();
        lock (_gate)
            _shown[channel.Id] = [];
        return Task.CompletedTask;
    }

    private sealed class Claim
    {
        public string Owner { get; set; } = "";
        public DateTimeOffset LeaseUntil { get; set; }
        public int Attempts { get; set; }
        public bool Posted { get; set; }
    }
}
