namespace AlignBot.Slack;

/// <summary>A <c>/align …</c> invocation, from the form Slack posts to <c>/slack/commands</c>.</summary>
internal sealed record SlashCommand(string TeamId, string ChannelId, string UserId, string Text, string? ResponseUrl)
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
        return new SlashCommand(form["team_id"]!, form["channel_id"]!, form["user_id"]!, form["text"] ?? "", form["response_url"]);
    }
}
