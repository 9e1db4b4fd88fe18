using System.Net;
using AlignBot.Chat.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// Multi-workspace install: <c>GET /slack/install</c> sends the browser to Slack's OAuth v2 consent page with the
/// scopes AlignBot uses and a signed state; <c>GET /slack/oauth/callback</c> checks the state, exchanges the code for
/// the workspace's bot token and stores it per team id.
/// </summary>
internal static class SlackInstallEndpoints
{
    private const string StateCookie = "alignbot_slack_oauth_state";

    public static IResult Install(HttpContext http, IOptions<SlackOptions> options, IHostEnvironment environment, TimeProvider clock)
    {
        var o = options.Value;
        if (!o.OAuthEnabled)
            return TypedResults.NotFound("Installing through OAuth is not configured: set Slack:ClientId and Slack:ClientSecret.");
        var state = OAuthState.Create(o.ClientSecret, clock.GetUtcNow());
        http.Response.Cookies.Append(StateCookie, state, new CookieOptions
        {
            HttpOnly = true,
            // Behind a TLS-terminating proxy the request itself is plain HTTP: Secure is decided by where we run.
            Secure = !environment.IsDevelopment() || http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/slack",
            MaxAge = OAuthState.Lifetime,
        });
        var url = QueryHelpers.AddQueryString(o.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = o.ClientId,
            ["scope"] = o.Scopes,
            ["redirect_uri"] = RedirectUri(http, o),
            ["state"] = state,
        });
        return TypedResults.Redirect(url);
    }

    public static async Task<IResult> Callback(HttpContext http, IOptions<SlackOptions> options, SlackApiClient api,
        IInstallationStore installations, IEventDeduplicator usedStates, TimeProvider clock, ILogger<SlackApiClient> log)
    {
        var o = options.Value;
        if (!o.OAuthEnabled)
            return TypedResults.NotFound("Installing through OAuth is not configured.");
        var query = http.Request.Query;
        var state = query["state"].FirstOrDefault();
        if (!OAuthState.IsValid(o.ClientSecret, state, clock.GetUtcNow()) || http.Request.Cookies[StateCookie] != state)
        {
            log.SlackOAuthRefused("state missing, forged, expired or from another browser");
            return ExpiredLink();
        }
        try
        {
            // A state is good for one callback: used ones are kept in the store, so every replica knows, until they expire.
            if (!await usedStates.TryClaimAsync("slack-oauth-state:" + state, clock.GetUtcNow(), OAuthState.Lifetime + OAuthState.ClockSkew, http.RequestAborted))
            {
                log.SlackOAuthRefused("state already used");
                return ExpiredLink();
            }
        }
        catch (StoreUnavailableException)
        {
            log.SlackOAuthRefused("store unavailable");
            return Page(StatusCodes.Status503ServiceUnavailable, "AlignBot was not installed", "AlignBot cannot store the install right now. Try again from the install link in a few minutes.");
        }
        if (query["error"].FirstOrDefault() is { } denied)
            return Page(StatusCodes.Status400BadRequest, "AlignBot was not installed", $"Slack said: {denied}. You can try again from the install link.");
        if (query["code"].FirstOrDefault() is not { Length: > 0 and < 512 } code)
            return Page(StatusCodes.Status400BadRequest, "AlignBot was not installed", "Slack sent no code.");

        try
        {
            var access = await api.OAuthAccessAsync(o.ClientId, o.ClientSecret, code, RedirectUri(http, o), http.RequestAborted);
            var teamId = access.Str("team", "id");
            var token = access.Str("access_token");
            if (teamId is null || token is null)
                throw new SlackApiException("oauth.v2.access", "no team or token in the response");
            var installation = new WorkspaceInstallation(teamId, access.Str("enterprise", "id"), access.Str("team", "name"), token,
                access.Str("bot_user_id"), access.Str("scope") ?? o.Scopes, access.Str("authed_user", "id"), clock.GetUtcNow());
            await installations.SaveAsync(installation, http.RequestAborted);
            http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/slack" });
            log.SlackInstalled(teamId, installation.TeamName);
            return Page(StatusCodes.Status200OK, "AlignBot is installed",
                $"AlignBot is ready in {installation.TeamName ?? teamId}. Try /align define sycophancy in any channel, or mention @AlignBot.");
        }
        catch (SlackApiException ex)
        {
            log.SlackOAuthRefused(ex.Error);
            return Page(StatusCodes.Status502BadGateway, "AlignBot was not installed", $"Slack refused the install ({ex.Error}). Try again from the install link.");
        }
    }

    /// <summary>The configured redirect URL; only in Development (where start-up allows it to be empty) the request's own host.</summary>
    private static string RedirectUri(HttpContext http, SlackOptions o) =>
        o.RedirectUri.Length > 0 ? o.RedirectUri : $"{http.Request.Scheme}://{http.Request.Host}{CallbackPath}";

    public const string CallbackPath = "/slack/oauth/callback";

    private static ContentHttpResult ExpiredLink() =>
        Page(StatusCodes.Status400BadRequest, "Install link expired", "Start again from the install link; it is valid for ten minutes in the browser that opened it.");

    private static ContentHttpResult Page(int status, string title, string text) => TypedResults.Content(
        $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>"
        + "<link rel=\"stylesheet\" href=\"/assets/app.css\">"
        + $"<body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></main></body></html>",
        "text/html; charset=utf-8", statusCode: status);
}
