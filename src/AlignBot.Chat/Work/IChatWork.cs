namespace AlignBot.Chat.Work;

/// <summary>
/// Plain data an endpoint queues after acknowledging: the parsed request and, in the implementing record, where the
/// reply goes. A null <see cref="Request"/> is a greeting (a bot added to a conversation), answered with the help card.
/// </summary>
public interface IChatWork
{
    /// <summary>What was asked, or null for a greeting.</summary>
    ChatRequest? Request { get; }
}
