using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AlignBot.Teams;

/// <summary>
/// Sends activities to the Bot Framework connector at a conversation's service URL, with the outbound token. Only
/// service URLs on <c>Teams:AllowedServiceHosts</c> get a token or a reply (in anonymous development mode: only
/// loopback ones, with no token). Retries of 429, 412, 5xx, timeouts and network failures happen in the client's pipeline
/// (<see cref="Policy"/>); this class retries a 401 once with a fresh token and maps the rest to a <see cref="TeamsConnectorException"/>.
/// </summary>
internal sealed class TeamsConnectorClient(HttpClient http, TeamsTokenProvider tokens, IOptions<TeamsOptions> options)
{
    public const int MaxAttempts = 3;

    /// <summary>Posts <paramref name="activity"/> to the conversation, as a reply to <paramref name="replyToId"/> when given.</summary>
    public async Task<string?> SendAsync(string serviceUrl, string conversationId, string? replyToId, JsonObject activity, CancellationToken ct)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        return Id(await CallAsync(HttpMethod.Post, serviceUrl, path, activity.ToJsonString(), ct));
    }

    /// <summary>Opens (or finds) the one-to-one chat between the bot and <paramref name="userId"/> in the tenant; its conversation id.</summary>
    public async Task<string?> CreatePersonalConversationAsync(string serviceUrl, string botId, string userId, string tenantId, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["isGroup"] = false,
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        return Id(await CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body.ToJsonString(), ct));
    }

    /// <summary>
    /// How many members a team has, counted up to <paramref name="atMost"/> + 1 (one page of the roster, so a large
    /// team costs no more than a small one).
    /// </summary>
    public async Task<int> CountMembersAsync(string serviceUrl, string teamId, int atMost, CancellationToken ct)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(teamId)}/pagedmembers?pageSize={atMost + 1}";
        using var json = JsonDocument.Parse(await CallAsync(HttpMethod.Get, serviceUrl, path, null, ct));
        var members = json.RootElement.TryGetProperty("members", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        var more = json.RootElement.TryGetProperty("continuationToken", out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 };
        return more ? Math.Max(members, atMost + 1) : members;
    }

    /// <summary>One connector call with the outbound token; the response body.</summary>
    private async Task<string> CallAsync(HttpMethod method, string serviceUrl, string path, string? json, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsAllowedServiceUrl(serviceUrl))
            throw new TeamsConnectorException(0, "service URL not allowed");
        var url = $"{serviceUrl.TrimEnd('/')}/{path}";
        var anonymous = o.AllowAnonymous && new Uri(serviceUrl).IsLoopback;
        for (var refreshed = false; ; refreshed = true)
        {
            using var request = new HttpRequestMessage(method, url);
            if (json is not null)
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            if (!anonymous)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(refreshed, ct));
            try
            {
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                    return await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !anonymous && !refreshed)
                    continue;
                throw new TeamsConnectorException((int)response.StatusCode, await ErrorCode(response, ct));
            }
            catch (TimeoutRejectedException ex)
            {
                throw new TeamsConnectorException(0, "timeout", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new TeamsConnectorException(0, "network_" + ex.HttpRequestError, ex);
            }
        }
    }

    /// <summary>
    /// Retries, as the pipeline in <see cref="OutboundHttp"/> runs them: 429, 412 and 5xx after their Retry-After when
    /// under 30 s, else the backoff; timeouts and network failures after the backoff; <see cref="MaxAttempts"/> in all.
    /// </summary>
    internal static OutboundPolicy Policy(TeamsOptions options, ILogger log) => new()
    {
        MaxAttempts = MaxAttempts,
        AttemptTimeout = options.ConnectorTimeout,
        IsRetryable = status => status is 429 or 412 or >= 500,
        RetryAfter = response => response.Headers.RetryAfter?.Delta is { } after && after < TimeSpan.FromSeconds(30) ? after : null,
        OnRetry = (_, status, delay, attempt) => log.TeamsRetry(status, delay.TotalMilliseconds, attempt),
    };

    private static string? Id(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ErrorCode(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var error = json.RootElement.GetProperty("error");
            return error.TryGetProperty("code", out var code) ? code.GetString() ?? "unknown" : "unknown";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "http_" + (int)response.StatusCode;
        }
    }
}
