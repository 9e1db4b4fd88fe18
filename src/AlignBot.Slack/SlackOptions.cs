using System.ComponentModel.DataAnnotations;

namespace AlignBot.Slack;

/// <summary>Slack settings (section <c>Slack</c>). Slack is on exactly when a signing secret is set.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public bool Enabled => SigningSecret.Length > 0;

    /// <summary>Verifies that requests come from Slack (app settings → Basic Information → Signing Secret).</summary>
    public string SigningSecret { get; set; } = "";

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
    /// </summary>
    public string[] ResponseUrlHosts { get; set; } = ["hooks.slack.com", "hooks.slack-gov.com"];

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
            && ResponseUrlHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase) && uri.UserInfo.Length == 0
            ? uri
            : null;

    /// <summary>How long one Web API call may take before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
