using AlignBot.Chat.Work;

namespace AlignBot.Teams;

/// <summary>Between <c>/api/messages</c> (which answers at once) and <see cref="TeamsWorker"/>.</summary>
internal sealed class TeamsWorkQueue : WorkQueue<TeamsWork>;
