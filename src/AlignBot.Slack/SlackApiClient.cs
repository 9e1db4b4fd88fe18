using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Web;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace AlignBot.Slack;

/// <summary>
/// Slack's Web API over a typed <see cref="HttpClient"/> (base address <c>Slack:ApiBaseUrl</c>). Every response's
/// <c>ok</c> is checked and <c>ok:false</c> raised with its code. Retries (429 after <c>Retry-After</c>, 5xx, timeouts and
/// network failures with jittered backoff, bounded) happen in the client's pipeline, see <see cref="Policy"/>; this
/// class maps what is left to a <see cref="SlackApiException"/>. Tokens go in the header only.
/// </summary>
public sealed class SlackApiClient(HttpClient http)
{
    public const int MaxAttempts = 3;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>chat.postMessage; returns the message's <c>ts</c>.</summary>
    public async Task<string?> PostMessageAsync(string token, string channel, JsonObject message, string? threadTs, CancellationToken ct)
    {
        var body = (JsonObject)message.DeepClone();
        body["channel"] = channel;
        if (threadTs is not null)
            body["thread_ts"] = threadTs;
        body["unfurl_links"] = false;
        var response = await CallAsync("chat.postMessage", token, body, ct);
        return response.TryGetProperty("ts", out var ts) ? ts.GetString() : null;
    }

    /// <summary>views.publish: sets the Home tab <paramref name="userId"/> sees.</summary>
    public Task PublishHomeAsync(string token, string userId, JsonObject view, CancellationToken ct) =>
        CallAsync("views.publish", token, new JsonObject { ["user_id"] = userId, ["view"] = view }, ct);

    /// <summary>POSTs a message to an interaction's <c>response_url</c> (no token: the URL is the capability).</summary>
    public async Task RespondAsync(Uri responseUrl, JsonObject message, CancellationToken ct)
    {
        var json = SlackJson.Serialize(message);
        await SendAsync("response_url", new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }, ct);
    }

    /// <summary>apps.connections.open with an app-level token: the WebSocket URL of a new Socket Mode connection.</summary>
    public async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken ct)
    {
        var response = await CallAsync("apps.connections.open", appToken, [], ct);
        return Uri.TryCreate(response.Str("url"), UriKind.Absolute, out var url) && (url.Scheme == "wss" || (url.Scheme == "ws" && url.IsLoopback))
            ? url
            : throw new SlackApiException("apps.connections.open", "invalid_response");
    }

    /// <summary>views.open: opens <paramref name="view"/> as a modal for the click or command that gave <paramref name="triggerId"/> (valid for 3 s).</summary>
    public async Task OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken ct) =>
        await CallAsync("views.open", token, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, ct);

    /// <summary>users.info: a person's time zone and whether they administer the workspace.</summary>
    public async Task<SlackUser> GetUserAsync(string token, string userId, CancellationToken ct)
    {
        var response = await SendAsync("users.info", new HttpRequestMessage(HttpMethod.Post, "users.info")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = userId }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        }, ct);
        var user = Checked("users.info", response).Obj("user");
        return new SlackUser(user?.Str("id") ?? userId, user?.Str("tz") is { Length: > 0 } tz ? tz : null,
            user?.Bool("is_admin") ?? false, user?.Bool("is_owner") ?? false);
    }

    /// <summary>oauth.v2.access: exchanges an install's code for the workspace's bot token.</summary>
    public async Task<JsonElement> OAuthAccessAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct)
    {
        var form = new Dictionary<string, string> { ["code"] = code };
        if (!string.IsNullOrEmpty(redirectUri))
            form["redirect_uri"] = redirectUri;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}"));
        var response = await SendAsync("oauth.v2.access", new HttpRequestMessage(HttpMethod.Post, "oauth.v2.access")
        {
            Content = new FormUrlEncodedContent(form),
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", basic) },
        }, ct);
        return Checked("oauth.v2.access", response);
    }

    private async Task<JsonElement> CallAsync(string method, string token, JsonObject body, CancellationToken ct)
    {
        var json = SlackJson.Serialize(body);
        var response = await SendAsync(method, new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        }, ct);
        return Checked(method, response);
    }

    private static JsonElement Checked(string method, string response)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(response).RootElement;
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "invalid_response");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            throw new SlackApiException(method, root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error");
        return root;
    }

    private async Task<string> SendAsync(string method, HttpRequestMessage request, CancellationToken ct)
    {
        using var message = request;
        message.Options.Set(MethodOption, method);
        try
        {
            using var response = await http.SendAsync(message, ct);
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadAsStringAsync(ct);
            throw new SlackApiException(method, response.StatusCode == HttpStatusCode.TooManyRequests
                ? "ratelimited"
                : "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (TimeoutRejectedException)
        {
            throw new SlackApiException(method, "timeout");
        }
        catch (HttpRequestException ex)
        {
            throw new SlackApiException(method, "network_" + ex.HttpRequestError);
        }
    }

    /// <summary>
    /// Retries, as the pipeline in <see cref="OutboundHttp"/> runs them: 429 after its Retry-After (1 s without one, at most
    /// 30 s), 5xx, timeouts and network failures after the backoff; <see cref="MaxAttempts"/> in all.
    /// </summary>
    internal static OutboundPolicy Policy(SlackOptions options, ILogger log) => new()
    {
        MaxAttempts = MaxAttempts,
        AttemptTimeout = options.ApiTimeout,
        IsRetryable = status => status is 429 or >= 500,
        RetryAfter = response => response.StatusCode == HttpStatusCode.TooManyRequests
            ? Min(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), MaxRetryAfter)
            : null,
        OnRetry = (request, status, delay, attempt) =>
            log.SlackApiRetry(request is not null && request.Options.TryGetValue(MethodOption, out var method) ? method : "?", status, delay.TotalMilliseconds, attempt),
    };

    /// <summary>The Web API method (or "response_url") a request is for, named in retry log lines.</summary>
    private static readonly HttpRequestOptionsKey<string> MethodOption = new("AlignBot.Slack.Method");

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
