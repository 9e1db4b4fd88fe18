using System.Text;
using AlignBot.Chat;

using AlignBot.Glossary;
using FsCheck.Xunit;

namespace AlignBot.Teams.Tests;

/// <summary>
/// Whatever anyone types, the Adaptive Card is version 1.5, under Teams' 28 KB limit and forms no link from user
/// words. The first generated cards are written to artifacts/cards/teams for check-adaptivecard in CI.
/// </summary>
public sealed class AdaptiveCardProperties
{
    private static readonly TermGlossary Glossary = TermGlossary.FromDirectory(RepoPaths.Corpus);
    private static readonly AdaptiveCardRenderer Renderer = new();
    private static int _samples;

    [Property(MaxTest = 200, Arbitrary = [typeof(ChatTextArbitrary)])]
    public void Any_text_renders_a_valid_card(string text)
    {
        var card = Renderer.Render(new Bot(Glossary, new Random(1)).AnswerFromGlossary(ChatRequest.Local(text, Platform.Teams)));
        var json = card.ToJsonString();

        Assert.Equal("1.5", (string?)card["version"]);
        Assert.True(Encoding.UTF8.GetByteCount(json) < 28 * 1024);
        Assert.DoesNotContain("](http://e.x)", string.Concat(card["body"]!.AsArray().Select(b => (string?)b!["text"] ?? "")).Replace(@"\]", ""));
        if (Interlocked.Increment(ref _samples) <= 20)
            CardArtifacts.Write("teams", $"generated_{_samples}", new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "message",
                ["attachments"] = new System.Text.Json.Nodes.JsonArray(AdaptiveCardRenderer.Attachment(card)),
            }.ToJsonString());
    }
}
