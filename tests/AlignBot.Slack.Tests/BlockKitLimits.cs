using System.Text.Json.Nodes;

namespace AlignBot.Slack.Tests;

/// <summary>Slack's documented Block Kit limits, asserted on a rendered message (check-blockkit repeats them in CI).</summary>
internal static class BlockKitLimits
{
    public static void Check(JsonObject message)
    {
        var blocks = message["blocks"]!.AsArray();
        Assert.InRange(blocks.Count, 1, 50);
        Assert.False(string.IsNullOrWhiteSpace((string?)message["text"]));
        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            switch ((string?)block["type"])
            {
                case "header":
                    Assert.InRange(((string?)block["text"]!["text"])!.Length, 1, 150);
                    break;
                case "section":
                    if (block["text"] is { } text)
                        Assert.InRange(((string?)text["text"])!.Length, 1, 3000);
                    if (block["fields"] is JsonArray fields)
                        Assert.All(fields, f => Assert.InRange(((string?)f!["text"])!.Length, 1, 2000));
                    break;
                case "actions":
                    var elements = block["elements"]!.AsArray();
                    Assert.InRange(elements.Count, 1, 25);
                    Assert.Equal(elements.Count, elements.Select(e => (string?)e!["action_id"]).Distinct().Count());
                    foreach (var e in elements.Where(e => (string?)e!["type"] == "button"))
                    {
                        Assert.InRange(((string?)e!["text"]!["text"])!.Length, 1, 75);
                        Assert.InRange(((string?)e["action_id"])!.Length, 1, 255);
                        Assert.True(((string?)e["value"])?.Length is null or <= 2000);
                    }
                    break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, 10);
                    break;
            }
        }
    }
}
