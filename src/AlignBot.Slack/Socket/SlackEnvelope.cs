using System.Text.Json;

namespace AlignBot.Slack.Socket;

/// <summary>
/// One message Slack sends down a Socket Mode connection: <c>hello</c>, <c>disconnect</c> (with its reason), or an
/// envelope carrying a payload (<c>slash_commands</c>, <c>events_api</c>, <c>interactive</c>) that must be acknowledged
/// with its <see cref="EnvelopeId"/>. Its elements live as long as the document it was read from.
/// </summary>
internal sealed record SlackEnvelope(string? Type, string? EnvelopeId, JsonElement Payload, bool AcceptsResponsePayload, string? RetryAttempt,
    string? Reason)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string SlashCommands = "slash_commands";
    public const string EventsApi = "events_api";
    public const string Interactive = "interactive";

    /// <summary>The envelope in a JSON object; null when <paramref name="root"/> is not one.</summary>
    public static SlackEnvelope? TryRead(JsonElement root) => root.ValueKind != JsonValueKind.Object
        ? null
        : new SlackEnvelope(root.Str("type"), root.Str("envelope_id"), root.Obj("payload") ?? default, root.Bool("accepts_response_payload"),
            root.TryGetProperty("retry_attempt", out var retry) && retry.ValueKind == JsonValueKind.Number ? retry.GetRawText() : null,
            root.Str("reason"));
}
