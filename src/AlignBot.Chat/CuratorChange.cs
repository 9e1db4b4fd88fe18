namespace AlignBot.Chat;

/// <summary>What a <c>curators …</c> command does.</summary>
public enum CuratorChange
{
    List,
    Add,
    Remove,
}
