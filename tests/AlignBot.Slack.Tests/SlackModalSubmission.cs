using System.Text;
using System.Text.Json.Nodes;

namespace AlignBot.Slack.Tests;

/// <summary>
/// A <c>view_submission</c> of the suggestion modal as Slack sends it (the form's fields under <c>view.state.values</c>),
/// and the form body it arrives in at /slack/interactions.
/// </summary>
internal static class SlackModalSubmission
{
    /// <param name="metadata">The view's private_metadata: empty for a new suggestion, "\n\n{slug}" for an edit.</param>
    /// <param name="related">Slugs picked in the related-terms select; null leaves the field out.</param>
    public static JsonObject Of(string user, string team, string name, string definition, string aliases = "BTD", string source = "",
        string metadata = "", string[]? related = null)
    {
        var values = new JsonObject
        {
            ["name"] = Text(name), ["aliases"] = Text(aliases), ["definition"] = Text(definition), ["source"] = Text(source),
        };
        if (related is not null)
        {
            values["related"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "multi_external_select",
                ["selected_options"] = new JsonArray([.. related.Select(slug => (JsonNode)new JsonObject { ["value"] = slug })]) } };
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["team"] = new JsonObject { ["id"] = team },
            ["view"] = new JsonObject
            {
                ["id"] = "V" + Guid.NewGuid().ToString("N")[..10],
                ["hash"] = "h1",
                ["callback_id"] = SlackModal.CallbackId,
                ["private_metadata"] = metadata,
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
    }

    /// <summary>An interaction payload as the form body Slack posts it in.</summary>
    public static StringContent Body(JsonNode payload) =>
        new("payload=" + Uri.EscapeDataString(payload.ToJsonString()), Encoding.UTF8, "application/x-www-form-urlencoded");

    private static JsonObject Text(string value) => new() { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
}
