using AlignBot.Glossary;

namespace AlignBot.Hosting;

/// <summary><c>GET /healthz</c>: the process is up and serving a corpus of N terms.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (TermGlossary glossary) => TypedResults.Ok(new HealthStatus("ok", glossary.Count)));
        return app;
    }
}
