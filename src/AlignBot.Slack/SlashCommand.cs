namespace AlignBot.Slack;

/// <summary>A <c>/align …</c> invocation: the form Slack posts to <c>/slack/commands</c>, or the payload of a <c>slash_commands</c> envelope.</summary>
/// <remarks>Slack sends a <c>trigger_id</c> with every command; it identifies the invocation for the replay check.</remarks>
internal sealed record SlashCommand(string TeamId, string ChannelId, string UserId, string Text, string? ResponseUrl, string? TriggerId)
{
    /// <param name="field">Reads one field by name; both transports carry the same names.</param>
    /// <param name="error">What is missing, when null is returned.</param>
    public static SlashCommand? TryParse(Func<string, string?> field, out string error)
    {
        error = "";
        foreach (var name in new[] { "team_id", "channel_id", "user_id" })
        {
            if (string.IsNullOrEmpty(field(name)))
            {
                error = $"missing field '{name}'";
                return null;
            }
        }
        return new SlashCommand(field("team_id")!, field("channel_id")!, field("user_id")!, field("text") ?? "", field("response_url"), field("trigger_id"));
    }
}
