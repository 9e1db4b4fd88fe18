namespace AlignBot.Chat.Work;

/// <summary>
/// Plain data an endpoint queues after acknowledging: the parsed request and, in the implementing record, where the
/// reply goes. A null <see cref="Request"/> is not a question: a greeting (a bot added to a conversation), answered with
/// the help card, or a platform's own work that needs no answer from the bot (Slack's Home tab), which the platform's
/// worker does in place of delivering that card.
/// </summary>
public interface IChatWork
{
    /// <summary>What was asked, or null when nothing was.</summary>
    ChatRequest? Request { get; }
}
