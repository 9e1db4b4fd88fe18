using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Testing;

/// <summary>
/// Slack's Web API and response_url hooks on 127.0.0.1: records every request and answers from a script per path
/// (default: <c>{"ok":true,"ts":"…"}</c>), so tests can see what the bot posted and make Slack fail on purpose.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, string? RetryAfter)>> _script = new();
    private readonly SemaphoreSlim _received = new(0);

    private FakeSlackApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api/";

    public string ResponseUrl(string id = "1") => $"{BaseUrl}/hooks/{id}";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Where apps.connections.open sends the bot: a Socket Mode server handing out a fresh URL per call.</summary>
    public FakeSlackSocketServer? SocketMode { get; set; }

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>A scripted status that drops the connection without an answer, as a reset peer does.</summary>
    public const int Reset = -1;

    /// <summary>A scripted status that never answers, so the caller's timeout fires.</summary>
    public const int Hang = -2;

    private volatile TaskCompletionSource? _hold;
    private volatile string? _holdPath;

    /// <summary>How long every answer waits before it is sent: a slow Slack.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>
    /// From now on requests (only those to <paramref name="path"/>, when given) are recorded but not answered until
    /// <see cref="ReleaseAnswers"/>.
    /// </summary>
    public void HoldAnswers(string? path = null)
    {
        _holdPath = path;
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Answers every held request and stops holding.</summary>
    public void ReleaseAnswers()
    {
        var hold = _hold;
        _hold = null;
        hold?.TrySetResult();
    }

    /// <summary>
    /// Queues answers for a path such as "/api/chat.postMessage"; each is used once, then the default returns.
    /// <see cref="Reset"/> and <see cref="Hang"/> as the status make a network fault instead of an answer.
    /// </summary>
    public void Script(string path, int status, string body = "", string? retryAfter = null) =>
        _script.GetOrAdd(path, _ => new()).Enqueue((status, body, retryAfter));

    /// <summary>Waits until at least <paramref name="count"/> requests to <paramref name="path"/> arrived (or the timeout passed) and returns them.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForPathAsync(string path, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_requests.Count(r => r.Path == path) < count && DateTime.UtcNow < deadline)
            await _received.WaitAsync(TimeSpan.FromMilliseconds(50));
        return [.. _requests.Where(r => r.Path == path)];
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (or the timeout passed) and returns them.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_requests.Count < count && DateTime.UtcNow < deadline)
            await _received.WaitAsync(TimeSpan.FromMilliseconds(50));
        return Requests;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = http.Request.Path.Value ?? "";
        _requests.Enqueue(new RecordedRequest(http.Request.Method, path, http.Request.Headers.Authorization.FirstOrDefault(),
            http.Request.ContentType ?? "", body));
        _received.Release();
        if (_hold is { } hold && (_holdPath is null || _holdPath == path))
            await hold.Task;
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);

        if (_script.TryGetValue(path, out var queue) && queue.TryDequeue(out var answer))
        {
            if (answer.Status == Reset)
            {
                http.Abort();
                return;
            }
            if (answer.Status == Hang)
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }
            http.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
                http.Response.Headers.RetryAfter = answer.RetryAfter;
            await http.Response.WriteAsync(answer.Body);
            return;
        }
        http.Response.ContentType = "application/json";
        if (path == "/api/apps.connections.open" && SocketMode is { } socketMode)
        {
            await http.Response.WriteAsync(new System.Text.Json.Nodes.JsonObject { ["ok"] = true, ["url"] = socketMode.NextUrl() }.ToJsonString());
            return;
        }
        await http.Response.WriteAsync(path.StartsWith("/hooks/", StringComparison.Ordinal) ? "{\"ok\":true}" : "{\"ok\":true,\"ts\":\"1700000000.000100\",\"channel\":\"C1\"}");
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseAnswers();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _received.Dispose();
    }
}
