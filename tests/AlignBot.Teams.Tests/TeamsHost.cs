using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams.Tests;

/// <summary>The whole host with Teams on, a fresh SQLite file, and the Bot Framework played by <see cref="FakeBotFramework"/>.</summary>
public sealed class TeamsHost : WebApplicationFactory<Program>
{
    public const string AppPassword = "test-app-password-abcdef";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"alignbot-teams-{Guid.NewGuid():N}.db");
    private readonly string _environment;
    private readonly bool _anonymous;

    private readonly Action<IServiceCollection>? _services;
    private readonly (string Key, string Value)[] _settings;

    private TeamsHost(FakeBotFramework framework, string environment, bool anonymous, Action<IServiceCollection>? services = null,
        (string Key, string Value)[]? settings = null)
    {
        Framework = framework;
        _environment = environment;
        _anonymous = anonymous;
        _services = services;
        _settings = settings ?? [];
    }

    public FakeBotFramework Framework { get; }

    public LogCapture Logs { get; } = new();

    public static async Task<TeamsHost> StartAsync(string environment = "Testing", bool anonymous = false) =>
        new(await FakeBotFramework.StartAsync(), environment, anonymous);

    /// <summary>A host with test services (an <see cref="OutageStore"/>, say) and settings on top.</summary>
    public static async Task<TeamsHost> StartAsync(Action<IServiceCollection> services, params (string Key, string Value)[] settings) =>
        new(await FakeBotFramework.StartAsync(), "Testing", false, services, settings);

    /// <summary>Serves the host with Kestrel on a free loopback port, for clients outside the process; its base URL.</summary>
    /// <summary>
    /// Stops the Teams worker once everything queued or in flight is done (its shutdown drain). After it nothing more is
    /// sent, so a test can assert what was not, on a signal instead of a wait.
    /// </summary>
    public Task DrainWorkAsync() => Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<TeamsWorker>().Single().StopAsync(CancellationToken.None);

    public string StartOnLoopback()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>A fixture activity addressed to this host: its service URL, and the bot's id as recipient and in mentions.</summary>
    public JsonNode Activity(string fixture)
    {
        var activity = JsonNode.Parse(Fixtures.Text("teams/" + fixture))!;
        activity["serviceUrl"] = Framework.ServiceUrl;
        activity["recipient"]!["id"] = "28:" + TestIssuer.AppId;
        foreach (var entity in activity["entities"]?.AsArray() ?? [])
        {
            if ((string?)entity!["type"] == "mention")
                entity["mentioned"]!["id"] = "28:" + TestIssuer.AppId;
        }
        return activity;
    }

    /// <summary>POSTs an activity to <c>/api/messages</c> with a Bot Framework token for it (or the one given).</summary>
    public async Task<HttpResponseMessage> SendAsync(JsonNode activity, string? token = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Framework.Issuer.Token(Framework.ServiceUrl));
        return await client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
        builder.UseEnvironment(_environment)
            .UseSetting("Corpus:Path", RepoPaths.Corpus)
            .UseSetting("Storage:ConnectionString", $"Data Source={_database}")
            .UseSetting("Teams:AppId", TestIssuer.AppId)
            .UseSetting("Teams:AppPassword", AppPassword)
            .UseSetting("Teams:OpenIdMetadataUrl", Framework.BaseUrl + "/openid")
            .UseSetting("Teams:RequireHttpsMetadata", "false")
            .UseSetting("Teams:TokenEndpoint", Framework.BaseUrl + "/token")
            .UseSetting("Teams:AllowedServiceHosts:0", "127.0.0.1")
            .UseSetting("Teams:AllowAnonymous", _anonymous ? "true" : "false")
            .ConfigureTestServices(services =>
            {
                services.AddLogging(l => l.AddProvider(Logs));
                services.AddSingleton<IStartupFilter>(new LoopbackClient());   // TestServer has no remote address; the Playground is on loopback
            });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Framework.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm", Path.ChangeExtension(_database, ".token-key") })
            File.Delete(file);
    }

    private sealed class LoopbackClient : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, proceed) =>
            {
                http.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return proceed(http);
            });
            next(app);
        };
    }
}
