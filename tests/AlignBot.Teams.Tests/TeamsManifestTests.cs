using System.Text.Json.Nodes;

namespace AlignBot.Teams.Tests;

/// <summary>deploy/teams/manifest.json: the fields that matter, within the limits Teams enforces.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "deploy", "teams");
    private static readonly JsonNode Manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;

    [Fact]
    public void Bot_and_compose_extension_use_the_same_bot_id()
    {
        var bot = Manifest["bots"]![0]!;
        var extension = Manifest["composeExtensions"]![0]!;

        Assert.Equal("${{BOT_ID}}", (string?)bot["botId"]);
        Assert.Equal((string?)bot["botId"], (string?)extension["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Commands_stay_inside_the_older_schema_limits()
    {
        var commands = Manifest["bots"]![0]!["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).ToList();

        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, c => Assert.InRange(((string?)c!["title"])!.Length, 1, 32));
        Assert.All(commands, c => Assert.InRange(((string?)c!["description"])!.Length, 1, 128));
    }

    [Fact]
    public void Search_extension_is_a_query_command_with_initial_run()
    {
        var command = Manifest["composeExtensions"]![0]!["commands"]![0]!;

        Assert.Equal(("query", true), ((string?)command["type"], (bool?)command["initialRun"]));
        Assert.Single(command["parameters"]!.AsArray());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_exist_in_the_sizes_teams_asks_for(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        Assert.Equal((byte)0x89, bytes[0]);
        Assert.Equal(size, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(size, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
    }
}
