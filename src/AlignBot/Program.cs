using AlignBot.Cli;
using AlignBot.Hosting;
using AlignBot.Slack;
using AlignBot.Teams;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddGlossary();     // corpus from Corpus:Path, validated, indexed in memory
builder.AddChatCore();     // the platform-neutral bot
builder.AddStorage();      // installations and event de-duplication: SQLite under data/ unless configured
builder.AddSlack();        // inert unless Slack:SigningSecret is set
builder.AddTeams();        // inert unless Teams:AppId is set
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.LoadGlossary();        // a broken corpus stops the start-up here, naming every problem
app.MapHealth();
app.MapSlack();
app.MapTeams();
app.Run();
return 0;

/// <summary>The web host's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
