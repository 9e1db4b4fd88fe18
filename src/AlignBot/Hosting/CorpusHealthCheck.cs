using AlignBot.Glossary;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlignBot.Hosting;

/// <summary>Ready when a corpus is loaded: the terms are what every answer comes from.</summary>
internal sealed class CorpusHealthCheck(TermGlossary glossary) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(glossary.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("no corpus loaded"));
}
