namespace AlignBot.Chat.Stores;

/// <summary>Installations per workspace; one row per team id, replaced on reinstall.</summary>
public interface IInstallationStore
{
    Task SaveAsync(WorkspaceInstallation installation, CancellationToken cancellationToken = default);

    Task<WorkspaceInstallation?> FindAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>Removes the installation (app uninstalled, tokens revoked); false when there was none.</summary>
    Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken = default);
}
