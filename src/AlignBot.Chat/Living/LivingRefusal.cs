using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Living;

/// <summary>How the living glossary refuses a person: a private note, and one log line naming the action and why.</summary>
internal static class LivingRefusal
{
    public static Reply.Notice Refuse(this ILogger log, ChatRequest request, string action, string reason, string note)
    {
        log.LivingRefused(action, request.User.Id, Stores.WorkspaceKey.Of(request).Id, reason);
        return new Reply.Notice(note);
    }
}
