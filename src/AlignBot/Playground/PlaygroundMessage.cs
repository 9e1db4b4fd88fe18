using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Chat.Living;

namespace AlignBot.Playground;

/// <summary>
/// What the page posts: typed text, a button's action id and value, or the suggestion form's fields (<paramref name="Form"/>,
/// with <paramref name="SuggestionId"/> when the curator is editing a suggestion, <paramref name="TermSlug"/> when editing
/// a workspace term).
/// </summary>
public sealed record PlaygroundMessage(string? Text, string? ActionId = null, string? ActionValue = null, DraftInput? Form = null, string? SuggestionId = null,
    string? TermSlug = null)
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
