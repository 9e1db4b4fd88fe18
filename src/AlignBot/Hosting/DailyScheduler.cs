using AlignBot.Chat.Daily;

namespace AlignBot.Hosting;

/// <summary>
/// Runs <see cref="DailyService.RunDueAsync"/> every <c>Daily:PollSeconds</c> on every replica; the store decides who
/// posts. A failure (store unreachable, say) is logged and the next tick tries again, so posts resume by themselves.
/// </summary>
internal sealed class DailyScheduler(DailyService daily, TimeProvider clock, IConfiguration configuration, ILogger<DailyScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Daily:PollSeconds", 20.0), 0.05, 300));
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await daily.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.DailyTickFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
