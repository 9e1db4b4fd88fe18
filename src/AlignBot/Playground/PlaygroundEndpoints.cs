using System.Globalization;
using System.Reflection;
using System.Threading.RateLimiting;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Slack;
using AlignBot.Teams;
using AlignBot.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AlignBot.Playground;

/// <summary>
/// The local playground: <c>GET /</c> serves a chat page; <c>POST /playground/messages</c> runs a message through the
/// same <see cref="ChatRequest"/> → <see cref="Reply"/> path as Slack and Teams and returns the reply together with the
/// exact Block Kit and Adaptive Card JSON those platforms would get. Loopback clients only unless allowed, and
/// rate-limited per client address (the policy is registered here; the rate-limiting middleware is in the pipeline
/// Program.cs builds).
/// </summary>
public static class PlaygroundEndpoints
{
    public const string RateLimitPolicy = "playground";

    /// <summary>Only the message endpoint counts as the playground's in request metrics, not the page.</summary>
    public static readonly PlatformMetadata PlatformRoutes = new(ChatMetrics.PlatformName(Platform.Playground), "/playground/messages");

    public static WebApplicationBuilder AddPlayground(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlaygroundOptions>().BindConfiguration(PlaygroundOptions.Section)
            .Validate(o => o.PermitsPerMinute > 0, "Playground:PermitsPerMinute must be at least 1.")
            .ValidateOnStart();
        var publicBaseUrl = builder.Configuration["App:PublicBaseUrl"];
        builder.Services.AddKeyedSingleton("playground", new SlackRenderer(publicBaseUrl));
        builder.Services.AddKeyedSingleton("playground", new AdaptiveCardRenderer(publicBaseUrl));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    public static bool IsEnabled(this WebApplication app) =>
        app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled ?? app.Environment.IsDevelopment();

    public static WebApplication MapPlayground(this WebApplication app)
    {
        if (!app.IsEnabled())
            return app;
        var playground = app.MapGroup("").AddEndpointFilter(LoopbackOnly);
        var page = HtmlPage.Frame("AlignBot playground", "Ask AlignBot about AI-alignment terms and see the Slack and Teams cards it would send.",
            Read("playground.html"), WebPageSection.Playground, script: "app.js");
        playground.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], () => new HtmlResult(page));
        playground.MapPost(PlatformRoutes.PathPrefix, Message).RequireRateLimiting(RateLimitPolicy)
            .WithMetadata(RawBodyType.Json, PlatformRoutes).RequireRawBody(new RawBodyPolicy { MaxBytes = _ => PlaygroundMessage.MaxBodyBytes });
        return app;
    }

    private static ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return http.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value.AllowRemote || LoopbackClient.Is(http)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(
                "The playground answers this machine only, at localhost, 127.0.0.1 or [::1] (Playground:AllowRemote).",
                statusCode: StatusCodes.Status403Forbidden));
    }

    /// <summary>The body is not bound by the framework: <see cref="RawBodyFilter"/> reads it (size, content type, UTF-8), so a
    /// body cut off mid-way ends as a 400 with one Debug line (see <see cref="Hosting.TruncatedBodies"/>).</summary>
    private static async Task<IResult> Message(HttpContext http, Bot bot, FormSubmissions submissions,
        [FromKeyedServices("playground")] SlackRenderer slack, [FromKeyedServices("playground")] AdaptiveCardRenderer teams)
    {
        var message = PlaygroundMessage.Parse(http.Features.GetRequiredFeature<RawBody>().Bytes);
        if (message is null || (message.Text is null && string.IsNullOrWhiteSpace(message.ActionId) && message.Form is null))
            return TypedResults.Problem("Send {\"text\": \"…\"}, {\"actionId\": \"…\", \"actionValue\": \"…\"} or {\"form\": {…}}.", statusCode: StatusCodes.Status400BadRequest);
        var action = message.ActionId is { Length: > 0 } id ? new ChatAction(id, message.ActionValue ?? "") : null;
        var request = new ChatRequest(Platform.Playground, message.Text ?? "", new ChatUser(PlaygroundUser), ChatPlace.Local, action);
        var reply = message.Form is { } form ? await SubmitAsync(bot, submissions, request, form with { Related = form.Related ?? [] }, message.SuggestionId, message.TermSlug,
                http.RequestAborted)
            : await bot.RunAsync(request, http.RequestAborted);
        return TypedResults.Json(new { reply = ReplyView.Of(reply), slack = slack.Private(reply), teams = teams.Render(reply) });
    }

    /// <summary>The playground's one user: its workspace's curator, so a suggestion comes back to them for review at once.</summary>
    public const string PlaygroundUser = "playground";

    /// <summary>
    /// A submitted suggestion form: the form again with what to fix, or the suggestion for review (or, edited, approved; or a
    /// workspace term's edit, saved).
    /// </summary>
    private static async Task<Reply> SubmitAsync(Bot bot, FormSubmissions submissions, ChatRequest request, DraftInput form, string? suggestionId,
        string? termSlug, CancellationToken cancellationToken)
    {
        var scope = await bot.ScopeAsync(request, cancellationToken);
        var (draft, errors) = SuggestionForm.Check(form, scope, suggestionId, termSlug);
        return draft is null ? errors! : await submissions.SubmitAsync(request, draft, suggestionId, termSlug, scope, cancellationToken);
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AlignBot.Playground." + name)
            ?? throw new InvalidOperationException($"Missing embedded asset {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
