using System.Text.Json.Nodes;

namespace AlignBot.Teams.Tests;

/// <summary>Walks an Adaptive Card's JSON.</summary>
internal static class CardNodes
{
    /// <summary>Every object inside <paramref name="node"/> (itself included), depth first.</summary>
    public static IEnumerable<JsonObject> Descendants(this JsonNode node)
    {
        if (node is JsonObject self)
            yield return self;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var inner in child.Descendants())
                yield return inner;
        }
    }
}
