using AlignBot.Glossary;
using AlignBot.Storage;

namespace AlignBot.Hosting;

/// <summary><c>GET /readyz</c>: 200 when the corpus is loaded and the store answers, else 503 naming what is not.</summary>
public static class ReadinessEndpoint
{
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/readyz", async (TermGlossary glossary, SqlStore store, CancellationToken cancellationToken) =>
        {
            var problems = new List<string>();
            if (glossary.Count == 0)
                problems.Add("no corpus loaded");
            if (!await store.PingAsync(cancellationToken))
                problems.Add("store unreachable");
            return problems.Count == 0
                ? Results.Ok(new { status = "ready", terms = glossary.Count })
                : Results.Json(new { status = "not ready", problems }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
