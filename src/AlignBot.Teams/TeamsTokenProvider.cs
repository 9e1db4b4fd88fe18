using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AlignBot.Teams;

/// <summary>
/// The outbound token (client credentials for scope api.botframework.com), cached until five minutes before it
/// expires; one refresh at a time however many replies need it. A singleton; the container disposes it at shutdown.
/// </summary>
internal sealed class TeamsTokenProvider(HttpClient http, IOptions<TeamsOptions> options, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _cached;

    public async Task<string> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && _cached is { } hit && hit.Expires - Margin > clock.GetUtcNow())
            return hit.Token;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (!forceRefresh && _cached is { } again && again.Expires - Margin > clock.GetUtcNow())
                return again.Token;
            var o = options.Value;
            using var response = await http.PostAsync(o.ResolveTokenEndpoint(), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId,
                ["client_secret"] = o.AppPassword,
                ["scope"] = "https://api.botframework.com/.default",
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new TeamsConnectorException((int)response.StatusCode, "token request refused");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var token = json.RootElement.GetProperty("access_token").GetString() ?? throw new TeamsConnectorException(500, "no access_token");
            var seconds = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
            _cached = (token, clock.GetUtcNow().AddSeconds(seconds));
            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
