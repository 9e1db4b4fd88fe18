using System.Text.Json.Nodes;

namespace AlignBot.Slack;

/// <summary>
/// Where a message answered in an HTTP response or sent to a response_url goes, relative to the card it answers:
/// the response fields Slack reads (<c>response_type</c>, <c>replace_original</c>, <c>delete_original</c>).
/// </summary>
internal sealed record SlackPlacement(string? ResponseType, bool? ReplaceOriginal = null, bool DeleteOriginal = false)
{
    /// <summary>A slash command's answer: visible to the person who typed it.</summary>
    public static readonly SlackPlacement Ephemeral = new("ephemeral");

    /// <summary>A click on a private card: the new card takes its place.</summary>
    public static readonly SlackPlacement ReplacePrivate = new(null, ReplaceOriginal: true);

    /// <summary>A click on a public card: a private card for the clicker, the public one untouched.</summary>
    public static readonly SlackPlacement PrivateBesidePublic = new("ephemeral", ReplaceOriginal: false);

    /// <summary>Share in channel: posted publicly, the private card removed.</summary>
    public static readonly SlackPlacement InChannel = new("in_channel", DeleteOriginal: true);

    /// <summary>Sets the response fields on <paramref name="message"/> and returns it.</summary>
    public JsonObject Apply(JsonObject message)
    {
        if (ResponseType is not null)
            message["response_type"] = ResponseType;
        if (ReplaceOriginal is { } replace)
            message["replace_original"] = replace;
        if (DeleteOriginal)
            message["delete_original"] = true;
        return message;
    }
}
