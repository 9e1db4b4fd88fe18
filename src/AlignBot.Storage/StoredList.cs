using System.Text.Json;

namespace AlignBot.Storage;

/// <summary>How a list of strings (aliases, related slugs) is kept in one text column: a JSON array.</summary>
internal static class StoredList
{
    public static string Write(IReadOnlyList<string> items) => JsonSerializer.Serialize(items);

    public static IReadOnlyList<string> Read(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
