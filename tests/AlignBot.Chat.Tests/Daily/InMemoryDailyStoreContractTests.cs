using AlignBot.Chat.Daily;

namespace AlignBot.Chat.Tests.Daily;

/// <summary>The daily store contract on <see cref="InMemoryDailyStore"/>, so the fake the scheduler tests use behaves as the real stores do.</summary>
public sealed class InMemoryDailyStoreContractTests : DailyStoreContract
{
    protected override IDailyStore Daily { get; } = new InMemoryDailyStore();
}
