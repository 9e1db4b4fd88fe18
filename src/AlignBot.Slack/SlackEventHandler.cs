using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// Events API envelopes, verified, from either transport: url_verification, app mentions and DMs, the Home tab opened,
/// uninstalls, app_rate_limited notices. Acknowledges at once; the answer is posted by <see cref="SlackWorker"/>. Retried deliveries are dropped by event id through the
/// shared store.
/// </summary>
internal sealed class SlackEventHandler(SlackWorkQueue queue, IEventDeduplicator seen, IInstallationStore installations, TimeProvider clock,
    ILogger<SlackEventHandler> log)
{
    /// <summary>Slack's last retry comes about 5 minutes after the first delivery; keep ids well past that.</summary>
    public static readonly TimeSpan KeepEventIds = TimeSpan.FromHours(1);

    /// <param name="root">The envelope Slack sent: the HTTP body, or a Socket Mode envelope's payload.</param>
    /// <param name="retry">Which delivery this is, when Slack says (for the log line of a duplicate).</param>
    /// <param name="source">Where it came from, for log lines: the path or the socket.</param>
    /// <param name="cancellationToken">Fires when the answer is no longer wanted.</param>
    public async Task<SlackAck> HandleAsync(JsonElement root, string? retry, string source, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Bad(source, "body is not a JSON object");
        switch (root.Str("type"))
        {
            case "url_verification":
                return root.Str("challenge") is { } challenge
                    ? SlackAck.Json(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["challenge"] = challenge }, SlackJson.Options))
                    : Bad(source, "url_verification without a challenge");
            case "event_callback":
                break;
            case "app_rate_limited":
                // Slack stopped delivering this team's events for the minute; it expects a 200, as for any envelope.
                log.SlackEventsRateLimited(root.Str("team_id") ?? "?");
                return SlackAck.Ok;
            case null:
                return Bad(source, "no 'type'");
            default:
                return Bad(source, "unsupported envelope type");
        }

        var (eventId, teamId) = (root.Str("event_id"), root.Str("team_id") ?? root.Str("event", "team"));
        if (eventId is null || teamId is null || root.Obj("event") is not { } evt)
            return Bad(source, "event_callback without event_id, team_id or event");

        var type = evt.Str("type");
        if (type is "app_uninstalled" or "tokens_revoked")
        {
            try
            {
                if (await installations.DeleteAsync(teamId, cancellationToken))
                    log.SlackUninstalled(teamId, type);
            }
            catch (StoreUnavailableException)
            {
                log.SlackEventStoreUnavailable(eventId);
                return SlackAck.RetryLater;   // the token must not outlive the uninstall: let Slack deliver it again
            }
            return SlackAck.Ok;
        }

        if (ToWork(root, evt, teamId) is not { } work)
            return SlackAck.Ok;   // an event we do not answer (bot or own message, edit, other type): acknowledged, ignored
        if (!queue.IsAccepting)
        {
            log.SlackQueueFull(eventId);
            return SlackAck.RetryLater;
        }
        try
        {
            if (!await seen.TryClaimAsync("slack:" + eventId, clock.GetUtcNow(), KeepEventIds, cancellationToken))
            {
                if (log.IsEnabled(LogLevel.Information))
                    log.SlackDuplicateEvent(eventId, retry);
                return SlackAck.Ok;
            }
        }
        catch (StoreUnavailableException)
        {
            // Without the record of seen events a retried delivery would be answered twice: refuse, Slack retries.
            log.SlackEventStoreUnavailable(eventId);
            return SlackAck.RetryLater;
        }
        if (!queue.TryEnqueue(work))
        {
            // Filled up or began shutting down while the claim was made: give the id back so the retry is answered.
            log.SlackQueueFull(eventId);
            await seen.ReleaseAsync("slack:" + eventId, CancellationToken.None);
            return SlackAck.RetryLater;
        }
        return SlackAck.Ok;
    }

    /// <summary>
    /// The answer to post for an app mention or a DM, the Home tab to publish for someone who opened it, or null for
    /// everything AlignBot does not answer.
    /// </summary>
    private static SlackWork? ToWork(JsonElement root, JsonElement evt, string teamId)
    {
        var type = evt.Str("type");
        if (type == "app_home_opened")
            return evt.Str("tab") == "home" && evt.Str("user") is { Length: > 0 } opener ? new SlackWork.PublishHome(teamId, opener) : null;
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
        var mentioned = SlackText.Mentions(evt.Str("text") ?? "").Where(u => u.Id != botUser).ToList();   // "curators add @x", not AlignBot itself
        var request = new ChatRequest(Platform.Slack, text, new ChatUser(user), new ChatPlace(teamId, channel), Mentions: mentioned);
        return new SlackWork.Answer(teamId, request, channel, thread);
    }

    private SlackAck Bad(string source, string reason)
    {
        log.SlackBadRequest(source, reason);
        return SlackAck.Bad(reason);
    }
}
