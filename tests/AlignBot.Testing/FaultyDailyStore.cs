using AlignBot.Chat.Daily;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlignBot.Testing;

/// <summary>
/// A term-of-the-day store with a bug in it: reading or changing a channel's settings throws
/// <see cref="InvalidOperationException"/>, as a fault of AlignBot's own would (not an outage, which is
/// <see cref="OutageStore"/>). The scheduler's sweep finds no subscriptions, so only the commands meet the fault.
/// For tests of what a person is told when the bot fails on their request.
/// </summary>
public sealed class FaultyDailyStore : IDailyStore
{
    public const string Fault = "FaultyDailyStore: a fault planted by the test";

    /// <summary>Puts a <see cref="FaultyDailyStore"/> in place of the host's daily store.</summary>
    public static void Install(IServiceCollection services)
    {
        services.RemoveAll<IDailyStore>();
        services.AddSingleton<IDailyStore, FaultyDailyStore>();
    }

    public Task<IReadOnlyList<DailySubscription>> EnabledAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DailySubscription>>([]);

    public Task SaveAsync(DailySubscription subscription, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Fault);

    public Task<DailySubscription?> FindAsync(ChannelKey channel, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Fault);

    public Task DisableAsync(ChannelKey channel, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Fault);

    public Task<DailyClaim> TryClaimAsync(ChannelKey channel, DateOnly day, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken = default) => throw new InvalidOperationException(Fault);

    public Task MarkPostedAsync(ChannelKey channel, DateOnly day, string owner, string slug, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Fault);

    public Task<int> DeferAsync(ChannelKey channel, DateOnly day, string owner, DateTimeOffset now, RetryBackoff backoff, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Fault);

    public Task<IReadOnlySet<string>> ShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Fault);

    public Task ResetShownAsync(ChannelKey channel, CancellationToken cancellationToken = default) => throw new InvalidOperationException(Fault);
}
