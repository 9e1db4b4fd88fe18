using System.Text.Json;

namespace AlignBot.Slack;

/// <summary>Defensive reads from Slack's JSON: a missing property or a wrong type is null, never an exception.</summary>
internal static class Json
{
    public static readonly JsonDocumentOptions Limits = new() { MaxDepth = 32 };

    /// <summary>Parses JSON, or null when it is not JSON (or nests deeper than Slack ever does).</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, Limits);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Limits);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Str(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                return null;
        }
        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }

    public static bool Bool(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                return false;
        }
        return current.ValueKind == JsonValueKind.True;
    }

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    public static IEnumerable<JsonElement> Arr(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Array
            ? child.EnumerateArray()
            : [];
}
