using System.Text.Json;

namespace AlignBot.Teams;

/// <summary>
/// The fields of a Bot Framework Activity that AlignBot reads, taken tolerantly from the JSON (unknown fields and
/// nulls are fine; a missing field is null).
/// </summary>
internal sealed record Activity(
    string Type,
    string? Id,
    string? Name,
    string? ChannelId,
    string? ServiceUrl,
    string? Text,
    ActivityAccount From,
    ActivityAccount Recipient,
    string? ConversationId,
    string? ConversationType,
    string? TenantId,
    string? TeamId,
    JsonElement? Value,
    IReadOnlyList<ActivityMention> Mentions,
    IReadOnlyList<string> MembersAdded,
    IReadOnlyList<string> MembersRemoved,
    string? LocalTimezone)
{
    public bool IsPersonal => ConversationType is null or "personal";

    public static Activity? TryParse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { Length: > 0 } type)
            return null;
        var conversation = Obj(root, "conversation");
        var channelData = Obj(root, "channelData");
        var mentions = Arr(root, "entities")
            .Where(e => Str(e, "type") == "mention")
            .Select(e => new ActivityMention(Str(Obj(e, "mentioned"), "id"), Str(Obj(e, "mentioned"), "name"), Str(e, "text")))
            .ToList();
        return new Activity(
            type,
            Str(root, "id"),
            Str(root, "name"),
            Str(root, "channelId"),
            Str(root, "serviceUrl"),
            Str(root, "text"),
            Account(Obj(root, "from")),
            Account(Obj(root, "recipient")),
            Str(conversation, "id"),
            Str(conversation, "conversationType"),
            Str(conversation, "tenantId") ?? Str(Obj(channelData, "tenant"), "id"),
            Str(Obj(channelData, "team"), "id"),
            root.TryGetProperty("value", out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value.Clone() : null,
            mentions,
            Arr(root, "membersAdded").Select(m => Str(m, "id")).OfType<string>().ToList(),
            Arr(root, "membersRemoved").Select(m => Str(m, "id")).OfType<string>().ToList(),
            Str(root, "localTimezone"));
    }

    private static ActivityAccount Account(JsonElement? element) => new(Str(element, "id") ?? "", Str(element, "name"));

    internal static string? Str(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    internal static JsonElement? Obj(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static IEnumerable<JsonElement> Arr(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : Enumerable.Empty<JsonElement>();
}
