using AlignBot.Web;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary><c>/slack/options</c>: typeahead for the term picker, answered in the HTTP response.</summary>
internal static class SlackOptionsEndpoint
{
    /// <summary>Names that start with, then contain, then search for the typed text.</summary>
    public static IResult Handle(HttpContext http, Bot bot, ILogger<SlackRenderer> log)
    {
        var form = SlackForm.Parse(http.Features.GetRequiredFeature<RawBody>().Bytes);
        using var payload = form["payload"] is { } json ? Json.TryParse(json) : null;
        if (payload is null || payload.RootElement.Str("type") != "block_suggestion")
        {
            log.SlackBadRequest(http.Request.Path, "expected a block_suggestion payload");
            return TypedResults.BadRequest("expected a form field 'payload' holding a block_suggestion");
        }
        var options = new JsonArray([.. bot.Suggest(payload.RootElement.Str("value") ?? "", 20).Select(t => (JsonNode)BlockKit.Option(t.Name, t.Slug))]);
        return TypedResults.Json(new JsonObject { ["options"] = options }, SlackJson.Options);
    }
}
