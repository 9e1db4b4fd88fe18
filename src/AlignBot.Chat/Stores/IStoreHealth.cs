namespace AlignBot.Chat.Stores;

/// <summary>Whether the store answers at all: what readiness asks, without knowing which database is behind it.</summary>
public interface IStoreHealth
{
    /// <summary>True when the store answered a trivial query in time; false, never an exception, when it did not.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
