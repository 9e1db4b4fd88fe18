using AlignBot.Chat;
using AlignBot.Web;
using AlignBot.Chat.Stores;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the body is read (capped) and the Bearer token validated before anything else; then the
/// token's <c>serviceurl</c> claim must equal the activity's service URL and the signing key's endorsements must
/// include the activity's channel, and the service URL must be on <c>Teams:AllowedServiceHosts</c>. Refusals are 401
/// (403 for a missing endorsement or a service URL off the list), logged once with the reason.
/// </summary>
internal static class TeamsEndpoints
{
    public static async Task<IResult> HandleAsync(HttpContext http, TeamsAuthenticator authenticator, TeamsActivityRouter router,
        ReplayGuard replays, TimeProvider clock, IOptions<TeamsOptions> options, ILogger<TeamsActivityRouter> log)
    {
        var o = options.Value;
        var body = await CappedRead.ReadAsync(http.Request.Body, http.Request.ContentLength, o.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            log.TeamsRefused("body too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        TeamsAuthResult? auth = null;
        if (authorization is not null || !o.AllowAnonymous)
        {
            auth = await authenticator.ValidateAsync(authorization, http.RequestAborted);
            if (!auth.Valid)
            {
                log.TeamsRefused(auth.Failure!);
                return Results.Unauthorized();
            }
        }

        if (!IsJson(http.Request.ContentType))
        {
            log.TeamsBadRequest("content type is not application/json");
            return Results.Json("expected an application/json body", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            log.TeamsBadRequest("body is not valid UTF-8");
            return Results.BadRequest("body is not valid UTF-8");
        }

        Activity? activity;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            activity = Activity.TryParse(document.RootElement);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is null)
        {
            log.TeamsBadRequest("not an activity (JSON object with a type)");
            return Results.BadRequest("expected an Activity: a JSON object with a 'type'");
        }

        if (auth is null)
        {
            // Anonymous development mode: only a loopback client (the Agents Playground) with a loopback service URL.
            if (!(http.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)) || !o.IsAllowedServiceUrl(activity.ServiceUrl)
                || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var local) || !local.IsLoopback)
            {
                log.TeamsRefused("anonymous activity from or to a non-loopback address");
                return Results.Unauthorized();
            }
        }
        else
        {
            if (!string.Equals(auth.ServiceUrlClaim?.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                log.TeamsRefused("serviceurl claim does not match the activity");
                return Results.Unauthorized();
            }
            if (activity.ChannelId is null || !auth.Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            {
                log.TeamsRefused("signing key not endorsed for the channel");
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            if (!o.IsAllowedServiceUrl(activity.ServiceUrl))
            {
                // Nothing from it is stored or answered: replies and conversation references would point elsewhere.
                log.TeamsRefused("service URL not on Teams:AllowedServiceHosts");
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        // The same activity (id, conversation) again, on any replica, while its token is still accepted: acknowledged, not
        // answered again. Invokes are answered in the response and change nothing, so they are not checked.
        if (activity is { Type: not "invoke", Id: { } id, ConversationId: { } conversation })
        {
            var keepFor = auth is null ? AnonymousKeepFor : auth.AcceptedUntil - clock.GetUtcNow() + TimeSpan.FromMinutes(1);
            if (await replays.IsReplayAsync("teams-activity", conversation, id, keepFor, http.RequestAborted))
                return Results.Ok();
        }
        return await router.RouteAsync(activity, http.RequestAborted);
    }

    /// <summary>How long ids of activities without a token (the development Playground) are kept.</summary>
    private static readonly TimeSpan AnonymousKeepFor = TimeSpan.FromHours(1);

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && string.Equals(type.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
}
