using AlignBot.Chat.Stores;
using AlignBot.Cli;
using AlignBot.Hosting;
using AlignBot.Playground;
using AlignBot.Slack;
using AlignBot.Teams;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddGlossary();     // corpus from Corpus:Path, validated, indexed in memory
builder.AddChatCore();     // the platform-neutral bot, the term of the day and its scheduler
builder.AddStorage();      // installs, seen events, conversation references, daily posts: SQLite unless configured
builder.AddSlack();        // inert unless Slack:SigningSecret is set
builder.AddTeams();        // inert unless Teams:AppId is set
builder.AddPlayground();   // the local page at /: on in Development unless Playground:Enabled says otherwise
builder.AddWebPages();     // compression, no Server header
builder.AddTelemetry();    // OpenTelemetry metrics: /metrics when Metrics:Prometheus (on in Development), OTLP when an endpoint is set
builder.Services.AddProblemDetails();

var app = builder.Build();
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
app.LoadGlossary();        // a broken corpus stops the start-up here, naming every problem
if (!app.OpenStore())      // an unreachable store: one clear error line and exit code 3
    return StorageHosting.StoreUnavailableExitCode;
app.MapHealth();
app.MapReadiness();
app.MapSlack();
app.MapTeams();
app.MapPlayground();
app.MapGlossaryPages();
app.MapMetrics();
app.AnnounceUrls();        // one log line with the address to open
app.Run();
return 0;

/// <summary>The web host's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
