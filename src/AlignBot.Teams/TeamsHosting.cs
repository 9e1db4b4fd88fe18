using AlignBot.Chat.Living;
using AlignBot.Chat;
using AlignBot.Chat.Settings;
using AlignBot.Chat.Daily;
using AlignBot.Chat.Stores;
using AlignBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Teams;

/// <summary>Registers and maps the Teams adapter. Inert unless <c>Teams:AppId</c> is set.</summary>
public static class TeamsHosting
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TeamsOptions>()
            .BindConfiguration(TeamsOptions.Section)
            .ValidateDataAnnotationsByKey(TeamsOptions.Section)
            .Validate<IHostEnvironment>((o, environment) => !o.AllowAnonymous || environment.IsDevelopment(),
                "Teams:AllowAnonymous accepts unauthenticated activities and is for the Development environment only.")
            .Validate(o => !o.Enabled || o.AllowAnonymous || o.AppPassword.Length > 0, "Teams:AppPassword is required to reply (or Teams:AllowAnonymous in Development).")
            .Validate(o => HttpUrl.IsValid(o.OpenIdMetadataUrl), "Teams:OpenIdMetadataUrl must be an absolute http(s) URL.")
            .Validate(o => o.TokenEndpoint.Length == 0 || HttpUrl.IsValid(o.TokenEndpoint), "Teams:TokenEndpoint must be empty or an absolute http(s) URL.")
            .ValidateOnStart();
        if (builder.Configuration.GetSection(TeamsOptions.Section)["AppId"] is not { Length: > 0 })
            return builder;

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(nameof(TeamsAuthenticator));
        builder.Services.AddSingleton<TeamsAuthenticator>();
        builder.Services.AddSingleton(new AdaptiveCardRenderer(builder.Configuration["App:PublicBaseUrl"]));
        builder.Services.AddSingleton<MessageExtension>();
        builder.Services.AddSingleton<TeamsWorkQueue>();
        builder.Services.TryAddSingleton<ReplayGuard>();
        builder.Services.AddSingleton<TeamsActivityRouter>();
        // The token provider is a singleton that keeps its client for the process's life: connections are recycled
        // instead, so a change of the Bot Framework's addresses (DNS) is picked up.
        builder.Services.AddHttpClient(nameof(TeamsTokenProvider), http => http.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = OutboundHttp.PooledConnectionLifetime })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton(services => new TeamsTokenProvider(   // a singleton: it holds the cached token
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TeamsTokenProvider)),
            services.GetRequiredService<IOptions<TeamsOptions>>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHttpClient<TeamsConnectorClient>()
            .AddOutboundResilience(services => TeamsConnectorClient.Policy(services.GetRequiredService<IOptions<TeamsOptions>>().Value,
                services.GetRequiredService<ILogger<TeamsConnectorClient>>()));
        builder.Services.AddSingleton<IDailyPublisher, TeamsDailyPublisher>();
        builder.Services.AddSingleton<IReviewPublisher, TeamsReviewPublisher>();
        builder.Services.AddSingleton<ICuratorDirectory, TeamsCuratorDirectory>();
        builder.Services.AddHostedService<TeamsWorker>();
        return builder;
    }

    /// <summary>The one Teams route, <c>/api/messages</c>, as request metrics count it.</summary>
    public static readonly PlatformMetadata PlatformRoutes = new(ChatMetrics.PlatformName(Platform.Teams), "/api/messages");

    /// <summary>Maps /api/messages when Teams is on, and says in one log line whether it is.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var log = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AlignBot.Teams");
        return app.MapWhenOn(options.Enabled, routes => routes.MapPost(PlatformRoutes.PathPrefix, TeamsEndpoints.HandleAsync).WithMetadata(RawBodyType.Json, PlatformRoutes)
                .RequireRawBody<RouteHandlerBuilder, TeamsAuthenticationFilter>(TeamsAuthenticationFilter.BodyPolicy),
            () => log.TeamsOn(options.AppId, options.AllowAnonymous ? " (anonymous loopback development mode)" : ""), log.TeamsOff);
    }
}
