using System.Net;
using System.Reflection;
using System.Threading.RateLimiting;
using AlignBot.Chat;
using AlignBot.Slack;
using AlignBot.Teams;
using Microsoft.Extensions.Options;

namespace AlignBot.Playground;

/// <summary>
/// The local playground: <c>GET /</c> serves a chat page; <c>POST /playground/messages</c> runs a message through the
/// same <see cref="ChatRequest"/> → <see cref="Reply"/> path as Slack and Teams and returns the reply together with the
/// exact Block Kit and Adaptive Card JSON those platforms would get. Loopback clients only unless allowed, and
/// rate-limited per client address.
/// </summary>
public static class PlaygroundEndpoints
{
    public const string RateLimitPolicy = "playground";

    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.Section)
            .Validate(o => o.PermitsPerMinute > 0, "Playground:PermitsPerMinute must be at least 1.")
            .ValidateOnStart();
        var publicBaseUrl = builder.Configuration["App:PublicBaseUrl"];
        builder.Services.AddKeyedSingleton("playground", new SlackRenderer(publicBaseUrl));
        builder.Services.AddKeyedSingleton("playground", new AdaptiveCardRenderer(publicBaseUrl));
        var permits = builder.Configuration.GetValue($"{PlaygroundOptions.Section}:{nameof(PlaygroundOptions.PermitsPerMinute)}", 120);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static bool IsEnabled(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled ?? app.Environment.IsDevelopment();

    public static WebApplication MapPlayground(this WebApplication app)
    {
        app.MapGet("/assets/{name}", Asset);
        if (!app.IsEnabled())
            return app;
        app.UseRateLimiter();
        app.MapGet("/", () => Results.Content(Read("index.html"), "text/html; charset=utf-8"));
        app.MapPost("/playground/messages", Message).RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    private static async Task<IResult> Message(PlaygroundMessage? message, HttpContext http, Bot bot, IOptions<PlaygroundOptions> options,
        [FromKeyedServices("playground")] SlackRenderer slack, [FromKeyedServices("playground")] AdaptiveCardRenderer teams)
    {
        if (!options.Value.AllowRemote && http.Connection.RemoteIpAddress is { } ip && !IPAddress.IsLoopback(ip))
            return Results.Problem("The playground answers this machine only (Playground:AllowRemote).", statusCode: StatusCodes.Status403Forbidden);
        if (message is null || (string.IsNullOrWhiteSpace(message.Text) && string.IsNullOrWhiteSpace(message.ActionId)))
            return Results.Problem("Send {\"text\": \"…\"} or {\"actionId\": \"…\", \"actionValue\": \"…\"}.", statusCode: StatusCodes.Status400BadRequest);
        var action = message.ActionId is { Length: > 0 } id ? new ChatAction(id, message.ActionValue ?? "") : null;
        var request = new ChatRequest(Platform.Playground, message.Text ?? "", new ChatUser("playground"), ChatPlace.Local, action);
        var reply = await bot.HandleAsync(request, http.RequestAborted);
        return Results.Json(new { reply = ReplyView.Of(reply), slack = slack.Private(reply), teams = teams.Render(reply) });
    }

    private static IResult Asset(string name) => name switch
    {
        "app.js" or "terms.js" => Results.Content(Read(name), "text/javascript; charset=utf-8"),
        "app.css" => Results.Content(Read(name), "text/css; charset=utf-8"),
        _ => Results.NotFound(),
    };

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AlignBot.Playground." + name)
            ?? throw new InvalidOperationException($"Missing embedded asset {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
