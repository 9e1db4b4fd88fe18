using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Teams.Tests;

/// <summary>
/// The Bot Framework's side on 127.0.0.1: OpenID metadata and JWKS from a <see cref="TestIssuer"/>, the Entra token
/// endpoint, and a connector that records every activity the bot sends (answers scripted per call, else 200).
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string OutboundToken = "test-outbound-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _sent = new();
    private readonly ConcurrentQueue<(int Status, string Body)> _script = new();
    private readonly ConcurrentQueue<string> _rosterRequests = new();
    private int _tokenRequests;

    private FakeBotFramework(WebApplication app, TestIssuer issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public TestIssuer Issuer { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The service URL activities claim to come from; replies go back to it.</summary>
    public string ServiceUrl => BaseUrl + "/teams/";

    public int TokenRequests => _tokenRequests;

    public IReadOnlyList<RecordedRequest> Sent => [.. _sent];

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotFramework(app, new TestIssuer());
        app.MapGet("/openid", () => Results.Text(TestIssuer.Metadata(fake.BaseUrl).ToJsonString(), "application/json"));
        app.MapGet("/keys", () => Results.Text(fake.Issuer.Jwks().ToJsonString(), "application/json"));
        app.MapPost("/token", () =>
        {
            Interlocked.Increment(ref fake._tokenRequests);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = OutboundToken });
        });
        app.MapGet("/teams/v3/conversations/{team}/pagedmembers", (string team, int? pageSize) =>
        {
            fake._rosterRequests.Enqueue(team);
            var page = Math.Min(fake.TeamMembers, pageSize ?? 50);
            var members = Enumerable.Range(0, page).Select(i => new { id = $"29:member-{i}", name = $"Member {i}" }).ToArray();
            return Results.Json(new { members, continuationToken = page < fake.TeamMembers ? "next-page" : null });
        });
        app.MapPost("/teams/v3/conversations/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var target = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value!;
            fake._sent.Enqueue(new RecordedRequest("POST", target, http.Request.Headers.Authorization.FirstOrDefault(),
                http.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            if (fake._hold is { } hold)
                await hold.Task;
            if (fake.Delay > TimeSpan.Zero)
                await Task.Delay(fake.Delay);
            if (!fake._script.TryDequeue(out var answer))
                return Results.Json(new { id = "reply-" + fake._sent.Count });
            if (answer.Status == FakeSlackApi.Reset)
                http.Abort();
            else if (answer.Status == FakeSlackApi.Hang)
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Text(answer.Body, "application/json", statusCode: answer.Status < 0 ? 500 : answer.Status);
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>How many members the roster (<c>pagedmembers</c>) reports for any team.</summary>
    public int TeamMembers { get; set; } = 3;

    /// <summary>The team ids whose roster was read.</summary>
    public IReadOnlyList<string> RosterRequests => [.. _rosterRequests];

    private volatile TaskCompletionSource? _hold;

    /// <summary>From now on connector posts are recorded but not answered until <see cref="ReleaseAnswers"/>.</summary>
    public void HoldAnswers() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers every held post and stops holding.</summary>
    public void ReleaseAnswers()
    {
        var hold = _hold;
        _hold = null;
        hold?.TrySetResult();
    }

    /// <summary>How long every connector answer waits: a slow Bot Framework.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next connector answer; <see cref="FakeSlackApi.Reset"/> or <see cref="FakeSlackApi.Hang"/> make a network fault.</summary>
    public void Script(int status, string body = "") => _script.Enqueue((status, body));

    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_sent.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(25);
        return Sent;
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseAnswers();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
