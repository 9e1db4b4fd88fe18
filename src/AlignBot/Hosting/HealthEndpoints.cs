using AlignBot.Glossary;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using CheckStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace AlignBot.Hosting;

/// <summary>
/// ASP.NET Core health checks. <c>GET /healthz</c> (live): the process is up, <c>{"status":"ok","terms":N}</c>, running no
/// check. <c>GET /readyz</c>: the corpus and store checks; 200 <c>{"status":"ready","terms":N}</c>, or 503
/// <c>{"status":"not ready","problems":[…]}</c> naming what is not.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>Probes read: GET, and HEAD for checkers that only want the status; anything else is 405 as before.</summary>
    private static readonly HttpMethodMetadata ReadOnly = new(["GET", "HEAD"]);

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<CorpusHealthCheck>("corpus", tags: [Ready])
            .AddCheck<StoreHealthCheck>("store", tags: [Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, _) => http.Response.WriteAsJsonAsync(new HealthStatus("ok", Terms(http))),
        }).WithMetadata(ReadOnly);
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = (http, report) => report.Status == CheckStatus.Healthy
                ? http.Response.WriteAsJsonAsync(new { status = "ready", terms = Terms(http) })
                : http.Response.WriteAsJsonAsync(new
                {
                    status = "not ready",
                    problems = report.Entries.Values.Where(e => e.Status != CheckStatus.Healthy).Select(e => e.Description),
                }),
        }).WithMetadata(ReadOnly);
        return app;
    }

    private static int Terms(HttpContext http) => http.RequestServices.GetRequiredService<TermGlossary>().Count;
}
