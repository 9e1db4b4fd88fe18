namespace AlignBot.Chat;

/// <summary>Where a request came from; renderers and logs care, the bot core mostly does not.</summary>
public enum Platform
{
    Cli,
    Playground,
    Slack,
    Teams,
}
