namespace AlignBot.Chat.Stores;

/// <summary>Teams conversation references by conversation id.</summary>
public interface IConversationReferenceStore
{
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default);

    Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default);
}
