using AlignBot.Chat.Stores;

namespace AlignBot.Storage;

/// <summary>Slack workspace installations in the <c>installations</c> table; bot tokens encrypted when a <see cref="TokenCipher"/> is given.</summary>
internal sealed class SqlInstallationStore(SqlDatabase db, TokenCipher? tokens) : IInstallationStore
{
    public Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default) => db.ExecuteAsync("""
        INSERT INTO installations (team_id, enterprise_id, team_name, bot_token, bot_user_id, scopes, installed_by, installed_at)
        VALUES (@team, @enterprise, @name, @token, @bot, @scopes, @by, @at)
        ON CONFLICT (team_id) DO UPDATE SET enterprise_id = @enterprise, team_name = @name, bot_token = @token,
            bot_user_id = @bot, scopes = @scopes, installed_by = @by, installed_at = @at
        """, cancellationToken, ("team", installation.TeamId), ("enterprise", installation.EnterpriseId), ("name", installation.TeamName),
        ("token", tokens?.Protect(installation.BotToken) ?? installation.BotToken), ("bot", installation.BotUserId), ("scopes", installation.Scopes),
        ("by", installation.InstalledBy), ("at", installation.InstalledAt.ToUnixTimeMilliseconds()));

    public Task<WorkspaceInstallation?> FindAsync(string teamId, CancellationToken cancellationToken = default) => db.SingleAsync(
        "SELECT team_id, enterprise_id, team_name, bot_token, bot_user_id, scopes, installed_by, installed_at FROM installations WHERE team_id = @team",
        r => new WorkspaceInstallation(r.GetString(0), SqlDatabase.Text(r, 1), SqlDatabase.Text(r, 2), tokens?.Unprotect(r.GetString(3)) ?? r.GetString(3),
            SqlDatabase.Text(r, 4), r.GetString(5), SqlDatabase.Text(r, 6), SqlDatabase.Time(r, 7)),
        cancellationToken, ("team", teamId));

    public async Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("DELETE FROM installations WHERE team_id = @team", cancellationToken, ("team", teamId)) > 0;
}
