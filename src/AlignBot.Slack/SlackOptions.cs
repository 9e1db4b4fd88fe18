using System.ComponentModel.DataAnnotations;

namespace AlignBot.Slack;

/// <summary>
/// Slack settings (section <c>Slack</c>). Slack's HTTP endpoints are on exactly when a signing secret is set, Socket
/// Mode exactly when an app token is set; either or both.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The prefix of an app-level token, the kind <c>apps.connections.open</c> takes.</summary>
    public const string AppTokenPrefix = "xapp-";

    /// <summary>The /slack routes are mapped: requests are verified with <see cref="SigningSecret"/>.</summary>
    public bool HttpEnabled => SigningSecret.Length > 0;

    /// <summary>Socket Mode is on: AlignBot opens WebSockets to Slack with <see cref="AppToken"/>.</summary>
    public bool SocketModeEnabled => AppToken.Length > 0;

    /// <summary>Slack is on, over either transport.</summary>
    public bool Enabled => HttpEnabled || SocketModeEnabled;

    /// <summary>Verifies that requests come from Slack (app settings → Basic Information → Signing Secret).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>An app-level token (xapp-…, scope <c>connections:write</c>): turns on Socket Mode, which needs no public URL.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>How many Socket Mode connections this process keeps open (Slack allows 10 per app), so a reconnect loses nothing.</summary>
    [Range(1, 10)]
    public int SocketConnections { get; set; } = 2;

    /// <summary>How often a Socket Mode connection is pinged; a connection that has not answered within as long again is replaced.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00")]
    public TimeSpan SocketPingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A bot token (xoxb-…) for a single-workspace install; installs through OAuth take precedence.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>OAuth client id and secret, for multi-workspace installs through <c>/slack/install</c>.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Multi-workspace installs through <c>/slack/install</c> are on.</summary>
    public bool OAuthEnabled => ClientId.Length > 0 && ClientSecret.Length > 0;

    /// <summary>The OAuth redirect URL registered with Slack. Empty: <c>App:PublicBaseUrl</c> + /slack/oauth/callback; in
    /// Development only, without either, the request's own host.</summary>
    public string RedirectUri { get; set; } = "";

    /// <summary>Where Web API calls go; tests point it at a loopback fake.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>
    /// The only hosts a command's or a click's response_url may point at, over https; a loopback host listed here (as
    /// tests list their fake's) also over http. A response_url elsewhere is refused: it is where the answer is posted.
    /// Empty means <see cref="SlacksResponseUrlHosts"/>. (A default here would be kept by the configuration binder,
    /// which appends configured array items to an array's initial ones, so a configured list could never narrow it.)
    /// </summary>
    public string[] ResponseUrlHosts { get; set; } = [];

    /// <summary>The hosts Slack's own response_urls are on: the allowed ones when none are configured.</summary>
    public static readonly IReadOnlyList<string> SlacksResponseUrlHosts = ["hooks.slack.com", "hooks.slack-gov.com"];

    /// <summary>Where /slack/install sends the browser.</summary>
    [Required]
    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>Bot scopes asked for at install: exactly what the app uses.</summary>
    [Required]
    public string Scopes { get; set; } = "commands,app_mentions:read,chat:write,im:history,users:read";

    /// <summary>
    /// User ids (U…) who curate every workspace's own glossary, besides each workspace's admins and owners and the
    /// people curators add in chat.
    /// </summary>
    public string[] Curators { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest request body read from Slack; larger ones are refused with 413 unread.</summary>
    [Range(1_024, 1_048_576)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The response_url as a URI when it is https (or http on loopback) on one of <see cref="ResponseUrlHosts"/>.</summary>
    public Uri? AllowedResponseUrl(string? responseUrl) =>
        Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && (ResponseUrlHosts.Length > 0 ? ResponseUrlHosts : SlacksResponseUrlHosts).Contains(uri.Host, StringComparer.OrdinalIgnoreCase)
            && uri.UserInfo.Length == 0
            ? uri
            : null;

    /// <summary>How long one Web API call may take before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
