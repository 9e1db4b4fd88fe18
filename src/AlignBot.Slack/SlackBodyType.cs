using Microsoft.Net.Http.Headers;

namespace AlignBot.Slack;

/// <summary>
/// Endpoint metadata: the media type Slack sends to this endpoint (form for commands and interactions, JSON for
/// events). <see cref="SlackSignatureFilter"/> refuses any other with 415 once the signature checked out.
/// </summary>
internal sealed record SlackBodyType(string MediaType)
{
    public static readonly SlackBodyType Form = new("application/x-www-form-urlencoded");

    public static readonly SlackBodyType Json = new("application/json");

    /// <summary>Whether a Content-Type header names this media type (parameters such as charset aside).</summary>
    public bool Matches(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && string.Equals(type.MediaType.Value, MediaType, StringComparison.OrdinalIgnoreCase);
}
