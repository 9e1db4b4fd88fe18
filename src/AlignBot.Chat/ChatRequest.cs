namespace AlignBot.Chat;

/// <summary>
/// One platform-neutral request: the text with any mention and command name already stripped by the adapter,
/// who asked, where, the button action when the request is a click, and the people the text mentioned (other than the
/// bot), in order, as the platform identified them.
/// </summary>
public sealed record ChatRequest(Platform Platform, string Text, ChatUser User, ChatPlace Place, ChatAction? Action = null,
    IReadOnlyList<ChatUser>? Mentions = null)
{
    /// <summary>A typed request from a local surface (command line, playground).</summary>
    public static ChatRequest Local(string text, Platform platform = Platform.Cli) =>
        new(platform, text, ChatUser.Anonymous, ChatPlace.Local);

    /// <summary>The people mentioned, or none.</summary>
    public IReadOnlyList<ChatUser> MentionList => Mentions ?? [];

    /// <summary>A button press: no text, only the action.</summary>
    public static ChatRequest Click(Platform platform, ChatAction action, ChatUser user, ChatPlace place) => new(platform, "", user, place, action);
}
