using System.Net;
using Microsoft.AspNetCore.Http;

namespace AlignBot.Teams;

/// <summary>
/// Who sent a request to <c>/api/messages</c>, as <see cref="TeamsAuthenticationFilter"/> found it: the validated token,
/// or none in anonymous development mode.
/// </summary>
internal sealed record TeamsCaller(TeamsAuthResult? Token)
{
    /// <summary>
    /// Whether the token may carry this activity: null when it may, else the status and the reason to log. With a token,
    /// its <c>serviceurl</c> claim must equal the activity's (401), its signing key must be endorsed for the channel (403)
    /// and the service URL must be on <c>Teams:AllowedServiceHosts</c> (403). Without one, only a loopback client with a
    /// loopback service URL (401).
    /// </summary>
    public (int Status, string Reason)? Refusal(Activity activity, HttpContext http, TeamsOptions options)
    {
        if (Token is null)
        {
            // Anonymous development mode: only a loopback client (the Agents Playground) with a loopback service URL.
            return !(http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)) || !options.IsAllowedServiceUrl(activity.ServiceUrl)
                || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var local) || !local.IsLoopback
                ? (StatusCodes.Status401Unauthorized, "anonymous activity from or to a non-loopback address")
                : null;
        }
        if (!string.Equals(Token.ServiceUrlClaim?.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return (StatusCodes.Status401Unauthorized, "serviceurl claim does not match the activity");
        if (activity.ChannelId is null || !Token.Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            return (StatusCodes.Status403Forbidden, "signing key not endorsed for the channel");
        // Nothing from a service URL off the list is stored or answered: replies and conversation references would point elsewhere.
        if (!options.IsAllowedServiceUrl(activity.ServiceUrl))
            return (StatusCodes.Status403Forbidden, "service URL not on Teams:AllowedServiceHosts");
        return null;
    }
}
