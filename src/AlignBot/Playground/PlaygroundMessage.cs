using System.Text.Json;
using AlignBot.Chat;

namespace AlignBot.Playground;

/// <summary>What the page posts: typed text, or a button's action id and value.</summary>
public sealed record PlaygroundMessage(string? Text, string? ActionId = null, string? ActionValue = null)
{
    /// <summary>The largest body read; a chat message is far smaller.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The message in a UTF-8 JSON body (read by the raw-body filter): null when it is not JSON of this shape.</summary>
    public static PlaygroundMessage? Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<PlaygroundMessage>(body, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
