using AlignBot.Chat.Daily;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>
/// Runs <see cref="DailyService.RunDueAsync"/> and the curators' weekly digest (<see cref="DigestService.RunDueAsync"/>)
/// every <c>Daily:PollSeconds</c> on every replica; the store decides who posts. With the store down the posts wait (one log line when it goes, one when it is back) and resume by
/// themselves. At shutdown the post in progress is finished and no other begun, unless the host's shutdown timeout
/// runs out first.
/// </summary>
internal sealed class DailyScheduler(DailyService daily, DigestService digests, TimeProvider clock, IOptions<DailyOptions> options, ILogger<DailyScheduler> log) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();
    private bool _storeDown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(_abort.Cancel))
            await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    /// <summary>One run: a stop lets the post in progress finish and starts no other; only the shutdown timeout cancels it.</summary>
    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await daily.RunDueAsync(_abort.Token, stopStarting: stoppingToken);
            if (!stoppingToken.IsCancellationRequested)
                await digests.RunDueAsync(_abort.Token);
            if (_storeDown)
                log.DailyStoreBack();
            _storeDown = false;
        }
        catch (StoreUnavailableException ex)
        {
            if (!_storeDown)
                log.DailyStoreDown(ex.Message);
            _storeDown = true;
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.DailyTickFailed(ex);
        }
    }
}
