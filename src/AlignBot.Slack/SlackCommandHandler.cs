using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Chat.Work;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// <c>/align …</c>, verified, from either transport: answered in the acknowledgement, ephemeral, with Share in channel.
/// What the glossary answers at once is answered inline; a term-of-the-day command (which waits on the store, and
/// <c>daily now</c> on Slack) is queued for <see cref="SlackWorker"/>, and its reply taken back within
/// <see cref="AckBudget"/> or sent to the response_url. Bad input from a real user is still an answer with an
/// explanation, as Slack asks; a command without its ids is a bad request.
/// </summary>
internal sealed class SlackCommandHandler(Bot bot, SlackRenderer renderer, SlackWorkQueue queue, SlackAnswerCache answers,
    ReplayGuard replays, IOptions<SlackOptions> options, TimeProvider clock, ChatMetrics metrics, ILogger<SlackCommandHandler> log)
{
    /// <summary>How long a command may take before Slack's 3 s limit is in danger; the rest goes to the response_url.</summary>
    public static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(2.2);

    /// <param name="field">Reads one of the command's fields (a form field over HTTP, a payload property over a socket).</param>
    /// <param name="source">Where the command came from, for log lines: the path or the socket.</param>
    /// <param name="cancellationToken">Fires when the answer is no longer wanted.</param>
    public async Task<SlackAck> HandleAsync(Func<string, string?> field, string source, CancellationToken cancellationToken)
    {
        if (SlashCommand.TryParse(field, out var error) is not { } command)
            return Bad(source, error);
        var responseUrl = options.Value.AllowedResponseUrl(command.ResponseUrl);
        if (command.ResponseUrl is not null && responseUrl is null)
            return Bad(source, "response_url is not https on an allowed host");
        if (command.TriggerId is not { } trigger)
            return await AnswerAsync(command, responseUrl, cancellationToken);
        if (await replays.IsReplayAsync(SlackReplays.Command, command.TeamId, trigger, SlackReplays.KeepFor, cancellationToken))
            return SlackAck.Ok;
        var answered = false;
        try
        {
            var ack = await AnswerAsync(command, responseUrl, cancellationToken);
            answered = true;
            return ack;
        }
        finally
        {
            // A command that failed after claiming its trigger_id gives the claim back: Slack's redelivery of it (after a
            // 500, or an envelope left unacknowledged) is then answered instead of being taken for a replay.
            if (!answered)
                await replays.ReleaseAsync(SlackReplays.Command, command.TeamId, trigger);
        }
    }

    /// <summary>The command's answer: inline when the glossary answers at once, else from the worker within <see cref="AckBudget"/>.</summary>
    private async Task<SlackAck> AnswerAsync(SlashCommand command, Uri? responseUrl, CancellationToken cancellationToken)
    {
        var text = SlackText.ToPlain(command.Text);
        if (answers.TryGet(command.TeamId, text) is { } cached)
        {
            metrics.Replied(Platform.Slack, cached.Reply);
            return SlackAck.Json(cached.Json, responseUrl);
        }
        var request = new ChatRequest(Platform.Slack, text, new ChatUser(command.UserId), new ChatPlace(command.TeamId, command.ChannelId),
            Mentions: SlackText.Mentions(command.Text));
        await bot.LoadWorkspaceAsync(request, cancellationToken);
        if (bot.AnswerAtOnce(request) is { } answer)
        {
            var json = answers.Serialized(answer.Reply, Serialized);
            answers.Offer(command.TeamId, text, answer, json);
            return SlackAck.Json(json, responseUrl);
        }

        var inline = new InlineReply();
        var late = queue.TryEnqueue(new SlackWork.Respond(command.TeamId, request, responseUrl, SlackCard.Private, SlackPlacement.Ephemeral, inline,
                command.TriggerId))
            ? await inline.WaitAsync(responseUrl is null ? Timeout.InfiniteTimeSpan : AckBudget, clock, cancellationToken)
            : await bot.RunAsync(request, cancellationToken);   // the queue is full: answer here, however long it takes
        return late is null
            ? SlackAck.Json(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Working on it…" }, SlackJson.Options))
            : SlackAck.Json(Serialized(late), responseUrl);
    }

    private byte[] Serialized(Reply reply) =>
        JsonSerializer.SerializeToUtf8Bytes(renderer.Respond(reply, SlackCard.Private, SlackPlacement.Ephemeral), SlackJson.Options);

    private SlackAck Bad(string source, string reason)
    {
        log.SlackBadRequest(source, reason);
        return SlackAck.Bad(reason);
    }
}
