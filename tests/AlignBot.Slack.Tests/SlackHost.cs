using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack.Tests;

/// <summary>
/// The whole AlignBot host through the real ASP.NET Core pipeline, with Slack on, a fresh SQLite file and the Web API
/// pointed at a loopback <see cref="FakeSlackApi"/>. One per test: each test owns its store and its fake.
/// </summary>
public sealed class SlackHost : WebApplicationFactory<Program>
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";
    public const string BotToken = "xoxb-test-single-workspace-token";
    public const string ClientSecret = "test-client-secret-abcdef";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"alignbot-slack-{Guid.NewGuid():N}.db");

    private readonly (string Key, string Value)[] _settings;
    private readonly TimeProvider? _clock;
    private readonly Action<IServiceCollection>? _services;

    private SlackHost(FakeSlackApi slack, (string Key, string Value)[] settings, TimeProvider? clock, Action<IServiceCollection>? services = null)
    {
        Slack = slack;
        _settings = settings;
        _clock = clock;
        _services = services;
    }

    public FakeSlackApi Slack { get; }

    /// <summary>Slack's Socket Mode server, for a host started with <see cref="StartSocketModeAsync"/>.</summary>
    public FakeSlackSocketServer? SocketMode => Slack.SocketMode;

    public const string AppToken = "xapp-1-A05ALGNBOT-test-app-level-token";

    public LogCapture Logs { get; } = new();

    public static async Task<SlackHost> StartAsync() => new(await FakeSlackApi.StartAsync(), [], null);

    /// <summary>A host with test settings and services on top (an <see cref="OutageStore"/>, say).</summary>
    public static async Task<SlackHost> StartAsync(Action<IServiceCollection> services, params (string Key, string Value)[] settings) =>
        new(await FakeSlackApi.StartAsync(), settings, null, services);

    /// <summary>
    /// A host in Socket Mode against a fake Socket Mode server: with <paramref name="http"/> the /slack routes too (both
    /// transports), else Socket Mode only (app and bot token, no signing secret, no OAuth).
    /// </summary>
    public static async Task<SlackHost> StartSocketModeAsync(bool http, Action<IServiceCollection>? services = null,
        params (string Key, string Value)[] settings)
    {
        var slack = await FakeSlackApi.StartAsync();
        slack.SocketMode = await FakeSlackSocketServer.StartAsync();
        (string, string)[] transport = http
            ? [("Slack:AppToken", AppToken)]
            : [("Slack:AppToken", AppToken), ("Slack:SigningSecret", ""), ("Slack:ClientId", ""), ("Slack:ClientSecret", "")];
        return new(slack, [.. transport, .. settings], null, services);
    }

    /// <summary>A host sharing a fake Slack, extra settings (e.g. another store) and a clock with other hosts: a replica.</summary>
    public static SlackHost Replica(FakeSlackApi slack, TimeProvider clock, params (string Key, string Value)[] settings) => new(slack, settings, clock);

    /// <summary>
    /// Stops the Slack worker once everything queued or in flight is done (its shutdown drain). After it nothing more is
    /// posted, so a test can assert what was not, on a signal instead of a wait.
    /// </summary>
    public Task DrainWorkAsync() => Services.GetRequiredService<SlackWorker>().StopAsync(CancellationToken.None);

    public HttpClient CreateSlackClient(Func<DateTimeOffset>? now = null) =>
        CreateDefaultClient(new SlackSigningHandler(SigningSecret, now));

    /// <summary>Where Slack sends the browser back after an install, as registered with Slack.</summary>
    public const string RedirectUri = "https://alignbot.test/slack/oauth/callback";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        builder.UseEnvironment("Testing")
            .UseSetting("Corpus:Path", RepoPaths.Corpus)
            .UseSetting("Storage:ConnectionString", $"Data Source={_database}")
            .UseSetting("Slack:SigningSecret", SigningSecret)
            .UseSetting("Slack:BotToken", BotToken)
            .UseSetting("Slack:ClientId", "1234.5678")
            .UseSetting("Slack:ClientSecret", ClientSecret)
            .UseSetting("Slack:RedirectUri", RedirectUri)
            .UseSetting("Slack:ApiBaseUrl", Slack.ApiBaseUrl)
            .UseSetting("Slack:ResponseUrlHosts:0", "127.0.0.1")   // the fake's hooks
            .UseSetting("Slack:ResponseUrlHosts:1", "hooks.slack.com")   // accepted from the published fixtures, which are answered inline
            .UseSetting("Slack:AuthorizeUrl", Slack.BaseUrl + "/oauth/v2/authorize")
            .ConfigureTestServices(services => services.AddLogging(l => l.AddProvider(Logs)));
        foreach (var (key, value) in _settings)   // a test's own settings (environment included) win over the defaults above
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_clock is null)
        {
            await Slack.DisposeAsync();   // replicas share theirs; the test disposes it
            if (SocketMode is { } socketMode)
                await socketMode.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm", Path.ChangeExtension(_database, ".token-key") })
            File.Delete(file);
    }
}
