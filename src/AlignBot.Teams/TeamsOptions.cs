using System.ComponentModel.DataAnnotations;

namespace AlignBot.Teams;

/// <summary>Teams settings (section <c>Teams</c>). Teams is on exactly when an App ID is set.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    public bool Enabled => AppId.Length > 0;

    /// <summary>The bot's Entra app (client) id: the audience of inbound tokens and the client of outbound ones.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's client secret, for outbound tokens.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The home tenant of a single-tenant bot; empty for multi-tenant (tokens from botframework.com).</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Where outbound tokens come from; empty: Entra's token endpoint for the tenant above.</summary>
    public string TokenEndpoint { get; set; } = "";

    /// <summary>Where the Bot Framework's signing keys are published.</summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuers accepted on inbound tokens.</summary>
    public string[] ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>User ids (29:… or Entra object ids, as activities name them) who curate every tenant's own glossary, besides those added with <c>curators add</c>.</summary>
    public string[] Curators { get; set; } = [];

    /// <summary>Off only for loopback test metadata.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Hosts that may receive replies and tokens: a name matches itself and, written with a leading dot, its
    /// subdomains. Default: Teams' and the Bot Framework's own service hosts.
    /// </summary>
    public string[] AllowedServiceHosts { get; set; } =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us", ".botframework.com"];

    /// <summary>
    /// Development only (Microsoft 365 Agents Playground): accept activities without a token and reply without one,
    /// but only from and to loopback service URLs. The host refuses to start with this outside Development.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1_024, 1_048_576)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long one connector call may take before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public string ResolveTokenEndpoint() => TokenEndpoint.Length > 0
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(TenantId.Length > 0 ? TenantId : "botframework.com")}/oauth2/v2.0/token";

    /// <summary>Whether replies and tokens may go to <paramref name="serviceUrl"/>.</summary>
    public bool IsAllowedServiceUrl(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
            return false;
        if (AllowAnonymous && uri.IsLoopback)
            return uri.Scheme is "http" or "https";
        if (uri.Scheme != "https" && !(uri.IsLoopback && !RequireHttpsMetadata))
            return false;
        return AllowedServiceHosts.Any(allowed => allowed.StartsWith('.')
            ? uri.Host.EndsWith(allowed, StringComparison.OrdinalIgnoreCase)
            : uri.Host.Equals(allowed, StringComparison.OrdinalIgnoreCase));
    }
}
