namespace AlignBot.Slack;

/// <summary>How a reply is drawn: privately with a Share button, publicly, expanded with the body, or shared by someone.</summary>
internal sealed record SlackCard(bool Shareable = false, bool Expanded = false, string? SharedBy = null)
{
    public static readonly SlackCard Private = new(Shareable: true);
    public static readonly SlackCard Public = new();
}
