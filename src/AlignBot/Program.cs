using AlignBot.Cli;
using AlignBot.Hosting;

if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddGlossary();     // corpus from Corpus:Path, validated, indexed in memory
builder.AddChatCore();     // the platform-neutral bot
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.LoadGlossary();        // a broken corpus stops the start-up here, naming every problem
app.MapHealth();
app.Run();
return 0;

/// <summary>The web host's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
