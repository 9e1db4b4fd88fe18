using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;

namespace AlignBot.Hosting;

/// <summary>
/// Polls the glossary version of every workspace this replica has loaded, every <see cref="Interval"/>, and reloads the
/// ones another replica changed: an approved term answers everywhere within a few seconds. With the store down the
/// loaded terms keep answering (one log line when it goes, one when it is back).
/// </summary>
internal sealed class WorkspaceGlossaryRefresher(WorkspaceGlossaries workspaces, TimeProvider clock, ILogger<WorkspaceGlossaryRefresher> log) : BackgroundService
{
    /// <summary>How often versions are polled: well inside the five seconds a change may take to reach every replica.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private bool _storeDown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await TickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await workspaces.RefreshAsync(stoppingToken);
            if (_storeDown)
                log.WorkspaceGlossariesBack();
            _storeDown = false;
        }
        catch (StoreUnavailableException ex)
        {
            if (!_storeDown)
                log.WorkspaceGlossariesStale(ex.Message);
            _storeDown = true;
        }
    }
}
