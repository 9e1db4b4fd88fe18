using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlignBot.Chat;
using AlignBot.Glossary;

namespace AlignBot.Teams.Tests;

/// <summary>
/// A corpus entry written by an attacker (HTML, <c>javascript:</c> links, Adaptive Card template expressions) reaches
/// cards and message-extension results only as inert text; only its http(s) links and **bold** stay markdown.
/// </summary>
public sealed partial class HostileCorpusTests : IDisposable
{
    private const string Hostile = """<img src=x onerror=alert(1)> ${user.secret} [run](javascript:alert(1)) <a href="javascript:alert(2)">a</a> *x*""";

    private readonly TempCorpus _corpus = new TempCorpus()
        .Term("alpha", "Alpha", ["beta", "gamma"])
        .Term("beta", "Beta", ["alpha", "gamma"])
        .Term("gamma", "Gamma", ["alpha", "beta"], edit: text => text
            .Replace("term: Gamma", "term: \"Gamma ${name} <i>\"")
            .Replace("  Gamma is a made-up entry used by the tests to check how the corpus loader behaves.", "  Gamma says " + Hostile)
            .Replace("title: A source about Gamma", "title: \"${title} <b>source</b> [x](javascript:alert(3))\"")
            .Replace("described here in a body", $"described here with [a safe link](https://example.org/ok) and **bold**, {Hostile}, in a body"));

    [GeneratedRegex(@"(?<!\\)\]\((?!https?://)")]
    private static partial Regex NonHttpLink();

    public static TheoryData<string> Requests => ["define gamma", "search gamma", "gamma vs alpha", "related alpha", "what is gama"];

    [Theory]
    [MemberData(nameof(Requests))]
    public void Cards_carry_hostile_corpus_text_only_as_inert_text(string text)
    {
        var glossary = TermGlossary.FromDirectory(_corpus.Directory);
        var card = new AdaptiveCardRenderer().Render(new Bot(glossary, new Random(1)).AnswerFromGlossary(ChatRequest.Local(text, Platform.Teams)));

        Assert.Contains("Gamma", card.ToJsonString());
        AssertInert(card);
        CardArtifacts.Write("teams", "hostile_corpus_" + text.Replace(' ', '_'), card.ToJsonString());
    }

    [Fact]
    public void Read_more_keeps_http_links_and_bold_from_the_corpus_and_nothing_else()
    {
        var glossary = TermGlossary.FromDirectory(_corpus.Directory);
        var card = new AdaptiveCardRenderer().Render(new Bot(glossary).AnswerFromGlossary(ChatRequest.Local("define gamma", Platform.Teams)));
        var readMore = string.Join("\n", card["actions"]!.AsArray().Single(a => (string?)a!["type"] == "Action.ShowCard")!["card"]!.Descendants()
            .Where(o => (string?)o["type"] == "TextBlock").Select(o => (string?)o["text"]));

        Assert.Contains("[a safe link](https://example.org/ok)", readMore);
        Assert.Contains("**bold**", readMore);
        Assert.Contains(@"\[run\](javascript:alert(1))", readMore);   // visible, not a link
    }

    [Fact]
    public async Task Message_extension_previews_and_results_carry_hostile_corpus_text_only_as_inert_text()
    {
        var glossary = TermGlossary.FromDirectory(_corpus.Directory);
        var extension = new MessageExtension(glossary, new Bot(glossary), new AdaptiveCardRenderer());
        using var query = JsonDocument.Parse("""{"commandId":"searchTerms","parameters":[{"name":"searchQuery","value":"gamma"}]}""");
        using var select = JsonDocument.Parse("""{"slug":"gamma"}""");

        foreach (var result in new[] { await extension.QueryAsync(query.RootElement, null, default), await extension.SelectItemAsync(select.RootElement, null, default) })
        {
            Assert.Contains(result["composeExtension"]!["attachments"]!.AsArray(), a => ((string?)a!["preview"]!["content"]!["title"])!.StartsWith("Gamma"));
            AssertInert(result);
        }
    }

    /// <summary>No string in the JSON holds HTML, a template expression or a markdown link to anything but http(s).</summary>
    private static void AssertInert(JsonNode json)
    {
        var strings = json.Descendants().SelectMany(o => o.Select(p => p.Value)).OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
        Assert.All(strings, s =>
        {
            Assert.DoesNotContain("<", s);
            Assert.DoesNotContain(">", s);
            Assert.DoesNotContain("${", s);
            Assert.DoesNotMatch(NonHttpLink(), s);
        });
    }

    public void Dispose() => _corpus.Dispose();
}
