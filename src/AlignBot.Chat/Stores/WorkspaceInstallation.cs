namespace AlignBot.Chat.Stores;

/// <summary>
/// The bot's credentials for one workspace (a Slack team), saved when the app is installed there and used for
/// every call made on that workspace's behalf.
/// </summary>
public sealed record WorkspaceInstallation(
    string TeamId,
    string? EnterpriseId,
    string? TeamName,
    string BotToken,
    string? BotUserId,
    string Scopes,
    string? InstalledBy,
    DateTimeOffset InstalledAt)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"WorkspaceInstallation {{ TeamId = {TeamId}, TeamName = {TeamName}, BotUserId = {BotUserId}, Scopes = {Scopes} }}";
}
