using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Web;

namespace AlignBot.Playground;

/// <summary>What the page posts: typed text, or a button's action id and value.</summary>
public sealed record PlaygroundMessage(string? Text, string? ActionId = null, string? ActionValue = null)
{
    /// <summary>The largest body read; a chat message is far smaller.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The message in a JSON body, read as a stream (up to <see cref="MaxBodyBytes"/>): null when it is not valid UTF-8
    /// JSON of this shape. A body cut off mid-way surfaces as Kestrel's BadHttpRequestException, a 400 for the host.
    /// </summary>
    public static async Task<(PlaygroundMessage? Message, bool TooLarge)> ReadAsync(HttpRequest request)
    {
        var body = await CappedRead.ReadAsync(request.Body, request.ContentLength, MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body is null)
            return (null, true);
        if (!System.Text.Unicode.Utf8.IsValid(body))
            return (null, false);
        try
        {
            return (JsonSerializer.Deserialize<PlaygroundMessage>(body, Options), false);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }
}
