namespace AlignBot.Chat.Stores;

/// <summary>
/// The store could not be reached or did not complete an operation (server down, network cut, file unreadable,
/// timeout). Callers degrade instead of failing: answers need no store, Slack events are refused with 503 so Slack
/// retries, term-of-the-day posts wait for the next tick. The message never holds the connection string.
/// </summary>
public sealed class StoreUnavailableException(string operation, Exception inner)
    : Exception($"The store is unavailable ({operation}): {inner.GetType().Name}", inner);
