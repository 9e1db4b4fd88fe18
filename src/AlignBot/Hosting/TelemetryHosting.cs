using AlignBot.Chat;
using AlignBot.Playground;
using AlignBot.Slack;
using AlignBot.Teams;
using AlignBot.Web;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AlignBot.Hosting;

/// <summary>
/// OpenTelemetry metrics: AlignBot's own (<see cref="ChatMetrics"/>) with ASP.NET Core's, Kestrel's, HttpClient's and
/// the runtime's. Exported to a Prometheus scrape endpoint (<c>Metrics:Prometheus</c>, on in Development, at
/// <c>Metrics:PrometheusPath</c>) and to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or
/// <c>Metrics:OtlpEndpoint</c>) is set. With neither, no SDK is started at all.
/// </summary>
internal static class TelemetryHosting
{
    private static readonly string[] Meters =
        [ChatMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.OtlpEndpoint.Length == 0 || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Metrics:OtlpEndpoint must be empty or an absolute URL.")
            .ValidateOnStart();
        var prometheus = PrometheusOn(builder.Configuration, builder.Environment);
        var configured = builder.Configuration["Metrics:OtlpEndpoint"] is { Length: > 0 } value ? value : null;
        var otlp = configured ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!prometheus && string.IsNullOrEmpty(otlp))
            return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("alignbot", serviceVersion: typeof(TelemetryHosting).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (prometheus)
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (configured is not null)
                {
                    // A value that is not a URL adds no exporter here and ends the start-up through the validation above.
                    if (Uri.TryCreate(configured, UriKind.Absolute, out var endpoint))
                        metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
                else if (!string.IsNullOrEmpty(otlp))
                {
                    metrics.AddOtlpExporter();   // reads OTEL_EXPORTER_OTLP_* itself, protocol and /v1/metrics path included
                }
            });
        return builder;
    }

    /// <summary>The platforms whose requests are counted; their prefixes matter only for a request no endpoint matched.</summary>
    private static readonly PlatformMetadata[] Platforms = [SlackEndpoints.PlatformRoutes, TeamsHosting.PlatformRoutes, PlaygroundEndpoints.PlatformRoutes];

    /// <summary>
    /// Counts every request to a chat endpoint (each carries <see cref="PlatformMetadata"/>: Slack's commands, events,
    /// interactions, options and install pages, Teams' <c>/api/messages</c>, the playground's messages) by platform and
    /// outcome. Mapped first, so it sees the status the exception handler and the filters settled on.
    /// </summary>
    public static WebApplication UseRequestMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ChatMetrics>();
        app.Use(async (http, next) =>
        {
            // Read before the rest of the pipeline runs: the exception handler clears the endpoint when it handles a failure.
            if (PlatformOf(http) is not { } platform)
            {
                await next(http);
                return;
            }
            try
            {
                await next(http);
            }
            finally
            {
                metrics.Request(platform, HttpOutcome.Of(http.Response.StatusCode));
            }
        });
        return app;
    }

    /// <summary>The scrape endpoint, when Prometheus export is on.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (PrometheusOn(app.Configuration, app.Environment))
            app.MapPrometheusScrapingEndpoint(app.Configuration["Metrics:PrometheusPath"] ?? "/metrics");
        return app;
    }

    /// <summary><c>Metrics:Prometheus</c> when set (true or false), else on in Development only.</summary>
    private static bool PrometheusOn(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Metrics:Prometheus") ?? environment.IsDevelopment();

    /// <summary>
    /// The platform a request is counted under, decided here only: the matched endpoint's <see cref="PlatformMetadata"/>;
    /// for a request that matched no chat endpoint (a 404 or 405 under a prefix, or a platform that is off), the
    /// platform whose prefix its path is under, as before endpoints carried it.
    /// </summary>
    private static string? PlatformOf(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<PlatformMetadata>() is { } metadata)
            return metadata.Platform;
        foreach (var platform in Platforms)
        {
            if (http.Request.Path.StartsWithSegments(platform.PathPrefix))
                return platform.Platform;
        }
        return null;
    }
}
