using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using Microsoft.Extensions.Logging;

namespace AlignBot.Slack;

/// <summary>Typeahead for the term picker (<c>block_suggestion</c>), verified, from either transport: answered in the acknowledgement.</summary>
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
        var options = new JsonArray([.. bot.Suggest(payload.Str("value") ?? "", 20).Select(t => (JsonNode)BlockKit.Option(t.Name, t.Slug))]);
        return SlackAck.Json(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["options"] = options }, SlackJson.Options));
    }
}
