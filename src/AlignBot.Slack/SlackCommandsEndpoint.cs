using AlignBot.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// <c>/align …</c>: answered in the HTTP response, ephemeral, with Share in channel. What the glossary answers at once
/// is answered inline; a term-of-the-day command (which waits on the store, and <c>daily now</c> on Slack) is queued
/// for <see cref="SlackWorker"/>, and its reply taken back within <see cref="AckBudget"/> or sent to the response_url.
/// Bad input from a real user is still a 200 with an explanation, as Slack asks; a malformed form is a 400.
/// </summary>
internal static class SlackCommandsEndpoint
{
    /// <summary>How long a command may take before Slack's 3 s limit is in danger; the rest goes to the response_url.</summary>
    public static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(2.2);

    public static async Task<IResult> Handle(HttpContext http, Bot bot, SlackRenderer renderer, SlackWorkQueue queue, SlackAnswerCache answers,
        ReplayGuard replays, IOptions<SlackOptions> options, TimeProvider clock, ChatMetrics metrics, ILogger<SlackRenderer> log)
    {
        var form = SlackForm.Parse(http.Features.GetRequiredFeature<RawBody>().Bytes);
        if (form["ssl_check"] == "1")
            return TypedResults.Ok();
        if (SlashCommand.TryParse(form, out var error) is not { } command)
        {
            log.SlackBadRequest(http.Request.Path, error);
            return TypedResults.BadRequest(error);
        }
        var responseUrl = options.Value.AllowedResponseUrl(command.ResponseUrl);
        if (command.ResponseUrl is not null && responseUrl is null)
        {
            log.SlackBadRequest(http.Request.Path, "response_url is not https on an allowed host");
            return TypedResults.BadRequest("response_url is not https on an allowed host");
        }
        if (command.TriggerId is { } trigger
            && await replays.IsReplayAsync(SlackReplays.Command, command.TeamId, trigger, SlackReplays.KeepFor, http.RequestAborted))
            return TypedResults.Ok();
        var text = SlackText.ToPlain(command.Text);
        if (answers.TryGet(command.TeamId, text) is { } cached)
        {
            metrics.Replied(Platform.Slack, cached.Reply);
            return TypedResults.Bytes(cached.Json, "application/json; charset=utf-8");
        }
        var request = new ChatRequest(Platform.Slack, text, new ChatUser(command.UserId), new ChatPlace(command.TeamId, command.ChannelId),
            Mentions: SlackText.Mentions(command.Text));
        await bot.LoadWorkspaceAsync(request, http.RequestAborted);
        if (bot.AnswerAtOnce(request) is { } answer)
        {
            var json = Serialized(renderer, answer.Reply);
            answers.Offer(command.TeamId, text, answer, json);
            return TypedResults.Bytes(json, "application/json; charset=utf-8");
        }

        var inline = new InlineReply();
        var late = queue.TryEnqueue(new SlackWork.Respond(command.TeamId, request, responseUrl, SlackCard.Private, SlackPlacement.Ephemeral, inline,
                command.TriggerId))
            ? await inline.WaitAsync(responseUrl is null ? Timeout.InfiniteTimeSpan : AckBudget, clock, http.RequestAborted)
            : await bot.RunAsync(request, http.RequestAborted);   // the queue is full: answer here, however long it takes
        return late is null
            ? TypedResults.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Working on it…" }, SlackJson.Options)
            : TypedResults.Bytes(Serialized(renderer, late), "application/json; charset=utf-8");
    }

    private static byte[] Serialized(SlackRenderer renderer, Reply reply) =>
        JsonSerializer.SerializeToUtf8Bytes(renderer.Respond(reply, SlackCard.Private, SlackPlacement.Ephemeral), SlackJson.Options);
}
