namespace AlignBot.Chat.Living;

/// <summary>Whether unanswered questions are kept (<c>Privacy:KeepUnanswered</c>) and for how many days since last asked (<c>Privacy:UnansweredDays</c>).</summary>
public sealed record UnansweredRetention(bool Keep, int Days)
{
    public static readonly UnansweredRetention Default = new(true, 90);
}
