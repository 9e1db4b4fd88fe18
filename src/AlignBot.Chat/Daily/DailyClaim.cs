namespace AlignBot.Chat.Daily;

/// <summary>The outcome of trying to claim a channel's post for a local date.</summary>
public enum DailyClaim
{
    /// <summary>This replica holds the claim now and must post (or release it).</summary>
    Claimed,

    /// <summary>Another replica holds an unexpired claim: it is posting, or waiting to retry.</summary>
    HeldElsewhere,

    /// <summary>That day's post was already made.</summary>
    AlreadyPosted,
}
