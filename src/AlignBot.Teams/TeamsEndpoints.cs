using AlignBot.Web;
using AlignBot.Chat.Stores;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>, behind <see cref="RawBodyFilter"/> and <see cref="TeamsAuthenticationFilter"/> (size, token,
/// content type, UTF-8): parses the activity (400), lets the <see cref="TeamsCaller"/> admit it (401, or 403 for a
/// missing endorsement or a service URL off <c>Teams:AllowedServiceHosts</c>), drops replays and routes it. Refusals are
/// logged once with the reason.
/// </summary>
internal static class TeamsEndpoints
{
    public static async Task<IResult> HandleAsync(HttpContext http, TeamsActivityRouter router,
        ReplayGuard replays, TimeProvider clock, IOptions<TeamsOptions> options, ILogger<TeamsActivityRouter> log)
    {
        Activity? activity;
        try
        {
            using var document = JsonDocument.Parse(http.Features.GetRequiredFeature<RawBody>().Bytes, new JsonDocumentOptions { MaxDepth = 64 });
            activity = Activity.TryParse(document.RootElement);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is null)
        {
            log.TeamsBadRequest("not an activity (JSON object with a type)");
            return TypedResults.BadRequest("expected an Activity: a JSON object with a 'type'");
        }

        var caller = http.Features.GetRequiredFeature<TeamsCaller>();
        if (caller.Refusal(activity, http, options.Value) is var (status, reason))
        {
            log.TeamsRefused(reason);
            return status == StatusCodes.Status401Unauthorized ? TypedResults.Unauthorized() : TypedResults.StatusCode(status);
        }

        // The same activity (id, conversation) again, on any replica, while its token is still accepted: acknowledged, not
        // answered again. Invokes are answered in the response and change nothing, so they are not checked.
        if (activity is { Type: not "invoke", Id: { } id, ConversationId: { } conversation })
        {
            var keepFor = caller.Token is null ? AnonymousKeepFor : caller.Token.AcceptedUntil - clock.GetUtcNow() + TimeSpan.FromMinutes(1);
            if (await replays.IsReplayAsync("teams-activity", conversation, id, keepFor, http.RequestAborted))
                return TypedResults.Ok();
        }
        return await router.RouteAsync(activity, http.RequestAborted);
    }

    /// <summary>How long ids of activities without a token (the development Playground) are kept.</summary>
    private static readonly TimeSpan AnonymousKeepFor = TimeSpan.FromHours(1);
}
