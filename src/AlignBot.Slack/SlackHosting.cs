using AlignBot.Chat;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Living;
using AlignBot.Chat.Settings;
using AlignBot.Chat.Stores;
using AlignBot.Slack.Socket;
using AlignBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// Registers and maps the Slack adapter. Inert (no routes, no worker) unless <c>Slack:SigningSecret</c> (the HTTP
/// routes) or <c>Slack:AppToken</c> (Socket Mode) is set; with both, both transports run.
/// </summary>
public static class SlackHosting
{
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var publicBaseUrl = builder.Configuration["App:PublicBaseUrl"];
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.Section)
            .PostConfigure(o =>
            {
                if (o.RedirectUri.Length == 0 && !string.IsNullOrEmpty(publicBaseUrl))
                    o.RedirectUri = publicBaseUrl.TrimEnd('/') + SlackInstallEndpoints.CallbackPath;
            })
            .ValidateDataAnnotationsByKey(SlackOptions.Section)
            .Validate(o => !o.HttpEnabled || o.SigningSecret.Length >= 16, "Slack:SigningSecret looks truncated (under 16 characters).")
            .Validate(o => o.Enabled || (o.BotToken.Length == 0 && o.ClientId.Length == 0),
                "Slack:SigningSecret is missing: it is required when Slack:BotToken or Slack:ClientId is set (or set Slack:AppToken for Socket Mode).")
            .Validate(o => !o.SocketModeEnabled || o.AppToken.StartsWith(SlackOptions.AppTokenPrefix, StringComparison.Ordinal),
                "Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens).")
            .Validate(o => !o.SocketModeEnabled || o.HttpEnabled || o.BotToken.Length > 0,
                "Slack:BotToken is required with Slack:AppToken when Slack:SigningSecret is not set (Socket Mode has no OAuth install pages).")
            .Validate(o => !o.OAuthEnabled || o.HttpEnabled,
                "Slack:SigningSecret is required for OAuth installs (Slack:ClientId): they use the /slack routes.")
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _), "Slack:ApiBaseUrl must be an absolute URL.")
            // Outside Development the OAuth redirect never comes from the request's Host header, which the client controls.
            .Validate(o => !o.HttpEnabled || !o.OAuthEnabled || development || o.RedirectUri.Length > 0,
                "Slack:RedirectUri (or App:PublicBaseUrl) is required for OAuth installs outside Development.")
            .Validate(o => o.RedirectUri.Length == 0 || Uri.TryCreate(o.RedirectUri, UriKind.Absolute, out _), "Slack:RedirectUri must be an absolute URL.")
            .ValidateOnStart();
        var appToken = builder.Configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.AppToken)}"];
        if (builder.Configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.SigningSecret)}"] is not { Length: > 0 } && appToken is not { Length: > 0 })
            return builder;

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SlackRenderer(builder.Configuration["App:PublicBaseUrl"]));
        builder.Services.AddSingleton<SlackWorkQueue>();
        builder.Services.AddSingleton<SlackAnswerCache>();
        builder.Services.TryAddSingleton<ReplayGuard>();
        builder.Services.AddSingleton<SlackTokens>();
        builder.Services.AddSingleton<SlackSignatureFilter>();
        builder.Services.AddSingleton<SlackCommandHandler>();
        builder.Services.AddSingleton<SlackEventHandler>();
        builder.Services.AddSingleton<SlackInteractionHandler>();
        builder.Services.AddSingleton<SlackOptionsHandler>();
        builder.Services.AddHttpClient<SlackApiClient>((services, http) =>
        {
            var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.EndsWith('/') ? options.ApiBaseUrl : options.ApiBaseUrl + "/");
        })
            .AddOutboundResilience(services => SlackApiClient.Policy(services.GetRequiredService<IOptions<SlackOptions>>().Value,
                services.GetRequiredService<ILogger<SlackApiClient>>()));
        builder.Services.AddSingleton<IDailyPublisher, SlackDailyPublisher>();
        builder.Services.AddSingleton<IReviewPublisher, SlackReviewPublisher>();
        builder.Services.AddSingleton<ICuratorDirectory, SlackCuratorDirectory>();
        builder.Services.AddSingleton<SlackWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SlackWorker>());
        if (appToken is { Length: > 0 })
        {
            // Registered after the worker, so it stops first: envelopes in flight still get their answers from the worker.
            builder.Services.AddSingleton<SlackEnvelopeDispatcher>();
            builder.Services.AddHostedService<SlackSocketMode>();
        }
        return builder;
    }

    /// <summary>Maps /slack/* when Slack's HTTP transport is on, and says in one log line whether it is.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        var log = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AlignBot.Slack");
        if (options.SocketModeEnabled && !options.HttpEnabled)
        {
            log.SlackSocketModeOnly();
            return app;
        }
        return app.MapWhenOn(options.HttpEnabled, routes => routes.MapSlackRoutes(),
            () => log.SlackOn(options.OAuthEnabled ? "at /slack/install" : "off (single workspace, Slack:BotToken)"), log.SlackOff);
    }
}
