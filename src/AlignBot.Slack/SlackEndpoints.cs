using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// The Slack routes. The signed ones bind no body: <see cref="SlackSignatureFilter"/> reads and verifies the raw
/// bytes first and hands them over as <see cref="VerifiedBody"/>.
/// </summary>
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlackRoutes(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack");
        var signed = slack.MapGroup("").AddEndpointFilter<SlackSignatureFilter>();
        signed.MapPost("/commands", HandleCommand).WithMetadata(SlackBodyType.Form);
        signed.MapPost("/events", SlackEventsEndpoint.Handle).WithMetadata(SlackBodyType.Json);
        signed.MapPost("/interactions", SlackInteractionsEndpoint.Handle).WithMetadata(SlackBodyType.Form);
        signed.MapPost("/options", HandleOptions).WithMetadata(SlackBodyType.Form);
        slack.MapGet("/install", SlackInstallEndpoints.Install);
        slack.MapGet("/oauth/callback", SlackInstallEndpoints.Callback);
        return slack;
    }

    /// <summary>
    /// <c>/align …</c>: answered in the HTTP response (well inside Slack's 3 s), ephemeral, with Share in channel.
    /// Bad input from a real user is still a 200 with an explanation, as Slack asks; a malformed form is a 400.
    /// </summary>
    /// <summary>How long a command may take before Slack's 3 s limit is in danger; the rest goes to the response_url.</summary>
    private static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(2.2);

    private static async Task<IResult> HandleCommand(HttpContext http, Bot bot, SlackRenderer renderer, SlackWorkQueue queue, SlackAnswerCache answers,
        ReplayGuard replays, IOptions<SlackOptions> options, ChatMetrics metrics, ILogger<SlackRenderer> log)
    {
        var form = SlackForm.Parse(http.Features.GetRequiredFeature<VerifiedBody>().Bytes);
        if (form["ssl_check"] == "1")
            return Results.Ok();
        if (SlashCommand.TryParse(form, out var error) is not { } command)
        {
            log.SlackBadRequest(http.Request.Path, error);
            return Results.BadRequest(error);
        }
        var responseUrl = options.Value.AllowedResponseUrl(command.ResponseUrl);
        if (command.ResponseUrl is not null && responseUrl is null)
        {
            log.SlackBadRequest(http.Request.Path, "response_url is not https on an allowed host");
            return Results.BadRequest("response_url is not https on an allowed host");
        }
        if (command.TriggerId is { } trigger
            && await replays.IsReplayAsync(SlackReplays.Command, command.TeamId, trigger, SlackReplays.KeepFor, http.RequestAborted))
            return Results.Ok();
        var text = SlackText.ToPlain(command.Text);
        if (answers.TryGet(text) is { } cached)
        {
            metrics.Replied(Platform.Slack, cached.Reply);
            return Results.Bytes(cached.Json, "application/json; charset=utf-8");
        }
        var request = new ChatRequest(Platform.Slack, text, new ChatUser(command.UserId), new ChatPlace(command.TeamId, command.ChannelId));
        // Not the request's token: a slow command (daily now, with Slack's retries) must finish after the ack.
        var reply = bot.HandleAsync(request, CancellationToken.None);
        if (await Task.WhenAny(reply, Task.Delay(AckBudget)) != reply
            && responseUrl is not null
            && queue.TryEnqueue(new SlackWork.Finish(command.TeamId, responseUrl, reply)))
            return Results.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Working on it…" }, SlackJson.Options);
        var answer = await reply;
        var message = renderer.Private(answer);
        message["response_type"] = "ephemeral";
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, SlackJson.Options);
        answers.Offer(text, answer, json);
        return Results.Bytes(json, "application/json; charset=utf-8");
    }

    /// <summary>How much of the text typed into the term picker is read, as in the Teams message extension.</summary>
    private const int MaxTypedLength = 100;

    /// <summary>Typeahead for the term picker: names that start with, then contain, then search for the typed text.</summary>
    private static IResult HandleOptions(HttpContext http, TermGlossary glossary, ILogger<SlackRenderer> log)
    {
        var form = SlackForm.Parse(http.Features.GetRequiredFeature<VerifiedBody>().Bytes);
        using var payload = form["payload"] is { } json ? Json.TryParse(json) : null;
        if (payload is null || payload.RootElement.Str("type") != "block_suggestion")
        {
            log.SlackBadRequest(http.Request.Path, "expected a block_suggestion payload");
            return Results.BadRequest("expected a form field 'payload' holding a block_suggestion");
        }
        var typed = payload.RootElement.Str("value") ?? "";
        typed = typed[..Math.Min(typed.Length, MaxTypedLength)];   // a term picker needs no more; searching 250 KB costs a second
        var options = new JsonArray([.. glossary.Suggest(typed, 20).Select(t => (JsonNode)BlockKit.Option(t.Name, t.Slug))]);
        return Results.Json(new JsonObject { ["options"] = options }, SlackJson.Options);
    }
}
