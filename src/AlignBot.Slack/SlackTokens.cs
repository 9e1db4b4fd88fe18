using AlignBot.Chat.Stores;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>The bot token for a workspace: its OAuth installation, else the single-workspace <c>Slack:BotToken</c>.</summary>
internal sealed class SlackTokens(IInstallationStore installations, IOptions<SlackOptions> options)
{
    public async Task<string?> ForTeamAsync(string teamId, CancellationToken cancellationToken)
    {
        var installation = await installations.FindAsync(teamId, cancellationToken);
        if (installation is not null)
            return installation.BotToken;
        return options.Value.BotToken is { Length: > 0 } token ? token : null;
    }
}
