namespace AlignBot.Chat;

/// <summary>
/// Who asked: the platform's user id and, where known, a display name and their own time zone (as the platform gives
/// it, usually an IANA name; <c>daily on</c> without a zone uses it).
/// </summary>
public sealed record ChatUser(string Id, string? Name = null, string? TimeZone = null)
{
    public static readonly ChatUser Anonymous = new("anonymous");
}
