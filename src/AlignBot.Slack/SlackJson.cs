using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Slack;

/// <summary>
/// JSON as sent to Slack: UTF-8 without HTML-style escaping ("&lt;" stays "&lt;", not "\u003C"). The payloads go to
/// Slack's API, never into an HTML page, so the escaping only cost bytes and readability.
/// </summary>
internal static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);
}
