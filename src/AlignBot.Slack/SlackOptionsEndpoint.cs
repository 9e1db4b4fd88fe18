using AlignBot.Web;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary><c>/slack/options</c>: typeahead for the term picker and the suggestion form's related terms, over the corpus and the workspace's own terms, answered in the HTTP response.</summary>
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
        var team = payload.RootElement.Str("team", "id") ?? payload.RootElement.Str("user", "team_id");
        var workspace = team is null ? null : new WorkspaceKey(Platform.Slack, team);
        var options = new JsonArray([.. bot.Suggest(payload.RootElement.Str("value") ?? "", 20, workspace).Select(t => (JsonNode)BlockKit.Option(t.Name, t.Slug))]);
        return TypedResults.Json(new JsonObject { ["options"] = options }, SlackJson.Options);
    }
}
