using AlignBot.Chat;

using AlignBot.Glossary;
using FsCheck.Xunit;

namespace AlignBot.Slack.Tests;

/// <summary>
/// Whatever anyone types, the Block Kit answer stays within Slack's limits and echoes no live markup. The first
/// generated answers are written to artifacts/cards/slack for check-blockkit in CI.
/// </summary>
public sealed class SlackRendererProperties
{
    private static readonly TermGlossary Glossary = TermGlossary.FromDirectory(RepoPaths.Corpus);
    private static readonly SlackRenderer Renderer = new("https://alignbot.example.org");
    private static int _samples;

    [Property(MaxTest = 200, Arbitrary = [typeof(ChatTextArbitrary)])]
    public void Any_text_renders_a_valid_card_without_live_mentions(string text)
    {
        var reply = new Bot(Glossary, new Random(1)).AnswerFromGlossary(ChatRequest.Local(text, Platform.Slack));

        foreach (var message in new[] { Renderer.Private(reply), Renderer.Public(reply) })
        {
            BlockKitLimits.Check(message);
            var json = SlackJson.Serialize(message);
            foreach (var markup in Mrkdwn(message))   // where Slack turns <!channel>, <@U…> and <url|x> into live markup
            {
                Assert.DoesNotContain("<!channel>", markup);
                Assert.DoesNotContain("<!here>", markup);
                Assert.DoesNotContain("<@U123>", markup);
                Assert.DoesNotContain("<http://e.x", markup);
            }
            if (Interlocked.Increment(ref _samples) <= 20)
                CardArtifacts.Write("slack", $"generated_{_samples}", json);
        }
    }

    /// <summary>The top-level fallback text and every mrkdwn text object in the message.</summary>
    private static IEnumerable<string> Mrkdwn(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                if ((string?)obj["type"] == "mrkdwn" && (string?)obj["text"] is { } text)
                    yield return text;
                if (obj["blocks"] is not null && (string?)obj["text"] is { } fallback)
                    yield return fallback;
                foreach (var child in obj.Select(p => p.Value).SelectMany(Mrkdwn))
                    yield return child;
                break;
            case System.Text.Json.Nodes.JsonArray array:
                foreach (var child in array.SelectMany(Mrkdwn))
                    yield return child;
                break;
        }
    }
}
