using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>
/// Typeahead for the term picker and the suggestion form's related terms (<c>block_suggestion</c>), over the corpus and the
/// workspace's own terms, verified, from either transport: answered in the acknowledgement.
/// </summary>
internal sealed class SlackOptionsHandler(Bot bot, ILogger<SlackOptionsHandler> log)
{
    /// <summary>Names that start with, then contain, then search for the typed text.</summary>
    /// <param name="payload">The block_suggestion payload.</param>
    /// <param name="source">Where it came from, for log lines: the path or the socket.</param>
    public SlackAck Handle(JsonElement payload, string source)
    {
        if (payload.Str("type") != "block_suggestion")
        {
            log.SlackBadRequest(source, "expected a block_suggestion payload");
            return SlackAck.Bad("expected a form field 'payload' holding a block_suggestion");
        }
        var team = payload.Str("team", "id") ?? payload.Str("user", "team_id");
        var workspace = team is null ? null : new WorkspaceKey(Platform.Slack, team);
        var options = new JsonArray([.. bot.Suggest(payload.Str("value") ?? "", 20, workspace).Select(t => (JsonNode)BlockKit.Option(t.Name, t.Slug))]);
        return SlackAck.Json(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["options"] = options }, SlackJson.Options));
    }
}
