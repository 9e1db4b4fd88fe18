using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Teams;

/// <summary>
/// Sends activities to the Bot Framework connector at a conversation's service URL, with the outbound token. Only
/// service URLs on <c>Teams:AllowedServiceHosts</c> get a token or a reply (in anonymous development mode: only
/// loopback ones, with no token). 429, 412, 502, 504 and other 5xx, timeouts and network failures are retried with backoff honouring Retry-After,
/// a 401 once with a fresh token; all bounded.
/// </summary>
internal sealed class TeamsConnectorClient(HttpClient http, TeamsTokenProvider tokens, IOptions<TeamsOptions> options, TimeProvider clock,
    ILogger<TeamsConnectorClient> log)
{
    public const int MaxAttempts = 3;

    /// <summary>Posts <paramref name="activity"/> to the conversation, as a reply to <paramref name="replyToId"/> when given.</summary>
    public async Task<string?> SendAsync(string serviceUrl, string conversationId, string? replyToId, JsonObject activity, CancellationToken ct)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        return Id(await CallAsync(HttpMethod.Post, serviceUrl, path, activity.ToJsonString(), ct));
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

    /// <summary>One connector call with the outbound token, retried as the class summary says; the response body.</summary>
    private async Task<string> CallAsync(HttpMethod method, string serviceUrl, string path, string? json, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsAllowedServiceUrl(serviceUrl))
            throw new TeamsConnectorException(0, "service URL not allowed");
        var url = $"{serviceUrl.TrimEnd('/')}/{path}";
        var anonymous = o.AllowAnonymous && new Uri(serviceUrl).IsLoopback;
        var refreshed = false;

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            if (json is not null)
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            if (!anonymous)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(refreshed, ct));
            TimeSpan delay;
            try
            {
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                    return await response.Content.ReadAsStringAsync(ct);
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Unauthorized && !anonymous && !refreshed)
                {
                    refreshed = true;
                    continue;
                }
                var retryable = status is 429 or 412 or 502 or 504 || status >= 500;
                if (!retryable || attempt >= MaxAttempts)
                    throw new TeamsConnectorException(status, await ErrorCode(response, ct));
                delay = response.Headers.RetryAfter?.Delta is { } after && after < TimeSpan.FromSeconds(30) ? after : Backoff(attempt);
                log.TeamsRetry(status.ToString(System.Globalization.CultureInfo.InvariantCulture), delay.TotalMilliseconds, attempt);
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {
                delay = Backoff(attempt);
                log.TeamsRetry(ex.HttpRequestError.ToString(), delay.TotalMilliseconds, attempt);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested && attempt < MaxAttempts)
            {
                delay = Backoff(attempt);   // the client's timeout, not our caller giving up
                log.TeamsRetry("timeout", delay.TotalMilliseconds, attempt);
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                throw new TeamsConnectorException(0, "timeout", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new TeamsConnectorException(0, "network_" + ex.HttpRequestError, ex);
            }
            await Task.Delay(delay, clock, ct);
        }
    }

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

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1) * (0.75 + Random.Shared.NextDouble() * 0.5));
}
