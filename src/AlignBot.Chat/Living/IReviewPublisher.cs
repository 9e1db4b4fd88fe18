using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Living;

/// <summary>
/// Delivers the living glossary's messages on one platform: a suggestion to its reviewers, and a private note to one
/// person (the outcome, to whoever suggested). Called only after the suggestion is stored, so a failed post loses nothing.
/// </summary>
public interface IReviewPublisher
{
    Platform Platform { get; }

    /// <summary>
    /// Posts <paramref name="review"/> into the review channel, or, when there is none or it cannot be posted to, to each of
    /// <paramref name="curators"/> directly; false when the platform cannot reach any curator that way (the suggestion then
    /// waits, stored). A platform failure is logged and never thrown: one curator out of reach does not stop the others.
    /// <paramref name="askedIn"/> is the conversation the suggestion came from, for a platform that can open a chat with
    /// someone only where it has been spoken to (Teams: on that conversation's service URL).
    /// </summary>
    Task<bool> PostReviewAsync(WorkspaceKey workspace, string? reviewChannel, IReadOnlyList<string> curators, Reply.Review review, string askedIn,
        CancellationToken cancellationToken);

    /// <summary>
    /// Tells <paramref name="userId"/> something only they see; <paramref name="askedIn"/> is the conversation the decision came
    /// from. A platform failure is logged and never thrown, so the decision it follows is still answered.
    /// </summary>
    Task TellAsync(WorkspaceKey workspace, string userId, Reply.Notice note, string askedIn, CancellationToken cancellationToken);
}
