using AlignBot.Web;
using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// <c>/slack/events</c>: url_verification, app mentions and DMs, uninstalls, app_rate_limited notices. Acknowledges at
/// once; the answer is posted by <see cref="SlackWorker"/>. Retried deliveries are dropped by event id through the
/// shared store.
/// </summary>
internal static class SlackEventsEndpoint
{
    /// <summary>Slack's last retry comes about 5 minutes after the first delivery; keep ids well past that.</summary>
    public static readonly TimeSpan KeepEventIds = TimeSpan.FromHours(1);

    public static async Task<IResult> Handle(HttpContext http, SlackWorkQueue queue, IEventDeduplicator seen,
        IInstallationStore installations, TimeProvider clock, ILogger<SlackWorkQueue> log)
    {
        using var document = Json.TryParse(http.Features.GetRequiredFeature<RawBody>().Bytes);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
            return Bad(http, log, "body is not a JSON object");
        var root = document.RootElement;

        switch (root.Str("type"))
        {
            case "url_verification":
                return root.Str("challenge") is { } challenge ? TypedResults.Json(new { challenge }) : Bad(http, log, "url_verification without a challenge");
            case "event_callback":
                break;
            case "app_rate_limited":
                // Slack stopped delivering this team's events for the minute; it expects a 200, as for any envelope.
                log.SlackEventsRateLimited(root.Str("team_id") ?? "?");
                return TypedResults.Ok();
            case null:
                return Bad(http, log, "no 'type'");
            default:
                return Bad(http, log, "unsupported envelope type");
        }

        var (eventId, teamId) = (root.Str("event_id"), root.Str("team_id") ?? root.Str("event", "team"));
        if (eventId is null || teamId is null || root.Obj("event") is not { } evt)
            return Bad(http, log, "event_callback without event_id, team_id or event");

        var type = evt.Str("type");
        if (type is "app_uninstalled" or "tokens_revoked")
        {
            try
            {
                if (await installations.DeleteAsync(teamId, http.RequestAborted))
                    log.SlackUninstalled(teamId, type);
            }
            catch (StoreUnavailableException)
            {
                log.SlackEventStoreUnavailable(eventId);
                return RetryLater(http);   // the token must not outlive the uninstall: let Slack deliver it again
            }
            return TypedResults.Ok();
        }

        if (ToWork(root, evt, teamId) is not { } work)
            return TypedResults.Ok();   // an event we do not answer (bot or own message, edit, other type): acknowledged, ignored
        if (!queue.IsAccepting)
        {
            log.SlackQueueFull(eventId);
            return RetryLater(http);
        }
        try
        {
            if (!await seen.TryClaimAsync("slack:" + eventId, clock.GetUtcNow(), KeepEventIds, http.RequestAborted))
            {
                if (log.IsEnabled(LogLevel.Information))
                    log.SlackDuplicateEvent(eventId, http.Request.Headers["X-Slack-Retry-Num"]);
                return TypedResults.Ok();
            }
        }
        catch (StoreUnavailableException)
        {
            // Without the record of seen events a retried delivery would be answered twice: refuse, Slack retries.
            log.SlackEventStoreUnavailable(eventId);
            return RetryLater(http);
        }
        if (!queue.TryEnqueue(work))
        {
            // Filled up or began shutting down while the claim was made: give the id back so the retry is answered.
            log.SlackQueueFull(eventId);
            await seen.ReleaseAsync("slack:" + eventId, CancellationToken.None);
            return RetryLater(http);
        }
        return TypedResults.Ok();
    }

    /// <summary>The answer to post for an app mention or a DM, or null for everything AlignBot does not answer.</summary>
    private static SlackWork.Answer? ToWork(JsonElement root, JsonElement evt, string teamId)
    {
        var type = evt.Str("type");
        var isDm = type == "message" && evt.Str("channel_type") == "im";
        if (type != "app_mention" && !isDm)
            return null;
        if (evt.Str("bot_id") is not null || evt.Str("subtype") is not null)
            return null;   // bot messages (ours included), edits, deletions, joins
        var user = evt.Str("user");
        var botUser = root.Arr("authorizations").Where(a => a.Bool("is_bot")).Select(a => a.Str("user_id")).FirstOrDefault(u => u is not null);
        if (user is null || user == botUser)
            return null;
        if (evt.Str("channel") is not { } channel || evt.Str("ts") is not { } ts)
            return null;

        var text = SlackText.ToPlain(evt.Str("text") ?? "");
        var thread = isDm ? evt.Str("thread_ts") : evt.Str("thread_ts") ?? ts;
        var request = new ChatRequest(Platform.Slack, text, new ChatUser(user), new ChatPlace(teamId, channel));
        return new SlackWork.Answer(teamId, request, channel, thread);
    }

    /// <summary>503 with Retry-After: Slack retries the delivery (after about 1 s, 1 min, 5 min).</summary>
    private static StatusCodeHttpResult RetryLater(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    private static BadRequest<string> Bad(HttpContext http, ILogger log, string reason)
    {
        log.SlackBadRequest(http.Request.Path, reason);
        return TypedResults.BadRequest(reason);
    }
}
