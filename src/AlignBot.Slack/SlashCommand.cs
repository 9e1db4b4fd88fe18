namespace AlignBot.Slack;

/// <summary>A <c>/align …</c> invocation, from the form Slack posts to <c>/slack/commands</c>.</summary>
/// <remarks>Slack sends a <c>trigger_id</c> with every command; it identifies the invocation for the replay check.</remarks>
internal sealed record SlashCommand(string TeamId, string ChannelId, string UserId, string Text, string? ResponseUrl, string? TriggerId)
{
    public static SlashCommand? TryParse(SlackForm form, out string error)
    {
        error = "";
        foreach (var field in new[] { "team_id", "channel_id", "user_id" })
        {
            if (string.IsNullOrEmpty(form[field]))
            {
                error = $"missing field '{field}'";
                return null;
            }
        }
        return new SlashCommand(form["team_id"]!, form["channel_id"]!, form["user_id"]!, form["text"] ?? "", form["response_url"], form["trigger_id"]);
    }
}
