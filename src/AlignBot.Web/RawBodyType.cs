using Microsoft.Net.Http.Headers;

namespace AlignBot.Web;

/// <summary>
/// Endpoint metadata: the media type this endpoint takes (form or JSON). <see cref="RawBodyFilter"/> refuses any other
/// with 415 once the platform's authentication passed.
/// </summary>
public sealed record RawBodyType(string MediaType)
{
    public static readonly RawBodyType Form = new("application/x-www-form-urlencoded");

    public static readonly RawBodyType Json = new("application/json");

    /// <summary>Whether a Content-Type header names this media type (parameters such as charset aside).</summary>
    public bool Matches(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && string.Equals(type.MediaType.Value, MediaType, StringComparison.OrdinalIgnoreCase);
}
