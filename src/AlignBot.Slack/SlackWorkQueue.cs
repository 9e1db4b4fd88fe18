using AlignBot.Chat.Work;

namespace AlignBot.Slack;

/// <summary>Between the Slack endpoints (which acknowledge at once) and <see cref="SlackWorker"/>.</summary>
internal sealed class SlackWorkQueue : WorkQueue<SlackWork>;
