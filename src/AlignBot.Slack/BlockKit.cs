using System.Text.Json.Nodes;

namespace AlignBot.Slack;

/// <summary>Small constructors for Block Kit JSON, each enforcing the limit Slack puts on that element.</summary>
internal static class BlockKit
{
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionId = 255;
    public const int MaxOptionText = 75;
    public const int MaxOptionValue = 150;

    public static JsonObject Plain(string text, int max) => new() { ["type"] = "plain_text", ["text"] = SlackText.Truncate(Nonempty(text), max), ["emoji"] = true };

    public static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = SlackText.Truncate(Nonempty(text), MaxSectionText) };

    /// <summary>The most blocks a Home tab or modal view may have.</summary>
    public const int MaxViewBlocks = 100;

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = Plain(text, MaxHeaderText) };

    public static JsonObject Section(string mrkdwn, JsonObject? accessory = null)
    {
        var section = new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };
        if (accessory is not null)
            section["accessory"] = accessory;
        return section;
    }

    public static JsonObject Fields(params string[] fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. fields.Take(10).Select(f => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Truncate(Nonempty(f), 2000) })]),
    };

    public static JsonObject Context(params string[] mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray([.. mrkdwn.Take(10).Select(t => (JsonNode)Mrkdwn(t))]),
    };

    public static JsonObject Actions(string blockId, IEnumerable<JsonObject> elements) => new()
    {
        ["type"] = "actions",
        ["block_id"] = blockId,
        ["elements"] = new JsonArray([.. elements.Take(25)]),
    };

    public static JsonObject Button(string text, string actionId, string value, string? style = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = Plain(text, MaxButtonText),
            ["action_id"] = actionId.Length <= MaxActionId ? actionId : actionId[..MaxActionId],
            ["value"] = value.Length <= MaxButtonValue ? value : value[..MaxButtonValue],
        };
        if (style is not null)
            button["style"] = style;
        return button;
    }

    public static JsonObject LinkButton(string text, string actionId, string url) => new()
    {
        ["type"] = "button",
        ["text"] = Plain(text, MaxButtonText),
        ["action_id"] = actionId,
        ["url"] = url,
    };

    public static JsonObject ExternalSelect(string actionId, string placeholder, int minQueryLength) => new()
    {
        ["type"] = "external_select",
        ["action_id"] = actionId,
        ["placeholder"] = Plain(placeholder, 150),
        ["min_query_length"] = minQueryLength,
    };

    public static JsonObject Option(string text, string value) => new()
    {
        ["text"] = Plain(text, MaxOptionText),
        ["value"] = value.Length <= MaxOptionValue ? value : value[..MaxOptionValue],
    };

    private static string Nonempty(string text) => string.IsNullOrWhiteSpace(text) ? " " : text;
}
