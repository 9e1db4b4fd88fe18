using AlignBot.Chat.Stores;
using AlignBot.Cli;
using AlignBot.Hosting;
using AlignBot.Playground;
using AlignBot.Slack;
using AlignBot.Teams;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(HostSetup.Options(args));   // content root: the program's folder unless configured
builder.AddLoggingDefaults();   // no request lines, no outgoing URLs, whatever appsettings.json is found
builder.AddGlossary();     // corpus from Corpus:Path, validated, indexed in memory
builder.AddChatCore();     // the platform-neutral bot, the term of the day and its scheduler
builder.AddStorage();      // installs, seen events, conversation references, daily posts: SQLite unless configured
builder.AddSlack();        // inert unless Slack:SigningSecret is set
builder.AddTeams();        // inert unless Teams:AppId is set
builder.AddPlayground();   // the local page at /: on in Development unless Playground:Enabled says otherwise
builder.AddWebPages();     // compression, no Server header
builder.AddHealth();       // /healthz (live) and /readyz (corpus and store) on ASP.NET Core health checks
builder.AddTelemetry();    // OpenTelemetry metrics: /metrics when Metrics:Prometheus (on in Development), OTLP when an endpoint is set
builder.Services.AddProblemDetails();

// Disposed on every way out: that flushes the console logger, so a start-up failure's line is always written.
await using var app = builder.Build();
try
{
    app.ValidateConfiguration();   // every setting checked before anything is loaded: a wrong one is exit code 2
    app.UseRequestMetrics();   // requests by platform and outcome, outermost so it sees the final status
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        // A body that cannot be bound (malformed JSON, wrong content type) is the client's error, not ours; a store that
        // is down is a 503, which tells the platform to retry.
        StatusCodeSelector = ex => ex switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            StoreUnavailableException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
    });
    app.UseTruncatedBodiesAsBadRequests();   // a body cut off mid-way: 400 and one Debug line, not an error with a stack
    app.UseWebPages();         // security headers, compressed pages and assets with ETags, the 404 page
    app.UseRateLimiter();      // per-client limits, for the endpoints that ask for one (the playground's messages)
    app.LoadGlossary();        // a missing or broken corpus stops the start-up here, naming every problem
    app.OpenStore();           // an unreachable store stops it too, with exit code 3
    app.MapHealth();
    app.MapSlack();
    app.MapTeams();
    app.MapPlayground();
    app.MapGlossaryPages();
    app.MapMetrics();
    app.AnnounceUrls();        // one log line with the address to open
    await app.StartAsync();    // a port already in use is a configuration failure too
}
catch (Exception ex) when (StartupFailure.Of(ex) is { } failure)
{
    app.Logger.StartupFailed(failure.Reason, failure.ExitCode);
    // Background services may have started before the failure: stopped as in a normal stop, they end quietly.
    await app.StopAsync();
    return failure.ExitCode;
}
await app.WaitForShutdownAsync();
return 0;

/// <summary>The web host's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
