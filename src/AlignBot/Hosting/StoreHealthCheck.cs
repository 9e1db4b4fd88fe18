using AlignBot.Chat.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlignBot.Hosting;

/// <summary>Ready when the store answers a ping (within two seconds).</summary>
internal sealed class StoreHealthCheck(IStoreHealth store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("store unreachable");
}
