namespace AlignBot.Chat;

/// <summary>Who asked: the platform's user id and, where known, a display name.</summary>
public sealed record ChatUser(string Id, string? Name = null)
{
    public static readonly ChatUser Anonymous = new("anonymous");
}
