using AlignBot.Glossary.Corpus;

namespace AlignBot.Glossary.Tests;

/// <summary>Several senses of one term: read from the file, validated, and ordered by the question.</summary>
public sealed class SenseTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private const string TwoSenses = """
        senses:
          - name: Narrow sense
            summary: >
              The shutdown meaning, about switching the system off.
            sources:
              - title: A paper on the narrow sense
                url: https://example.org/narrow
          - name: Broad sense
            summary: >
              The helpful meaning, about keeping overseers informed.
            sources:
              - title: A post on the broad sense
                url: https://example.org/broad

        """;

    private LoadedCorpus LoadGamma(string senses) =>
        CorpusLoader.Load(_corpus.Term("alpha", "Alpha", ["beta", "gamma"]).Term("beta", "Beta", ["alpha", "gamma"])
            .Term("gamma", "Gamma", ["alpha", "beta"], edit: t => t.Replace("summary: >\n", senses.Replace("\r\n", "\n") + "summary: >\n")).Directory);

    [Fact]
    public void Senses_are_read_in_file_order_with_their_sources()
    {
        var corpus = LoadGamma(TwoSenses);

        Assert.True(corpus.IsValid, string.Join("\n", corpus.Problems));
        var senses = corpus.Terms.Single(t => t.Slug == "gamma").SenseList;
        Assert.Equal(["Narrow sense", "Broad sense"], senses.Select(s => s.Name));
        Assert.Equal("https://example.org/broad", Assert.Single(senses[1].Sources).Url);
        Assert.Empty(corpus.Terms.Single(t => t.Slug == "alpha").SenseList);
    }

    [Theory]
    [InlineData("https://example.org/broad\n", "", "needs at least one source")]
    [InlineData("    summary: >\n      The helpful meaning, about keeping overseers informed.\n", "", "has no summary")]
    [InlineData("The helpful meaning, about keeping overseers informed.", "x", "characters")]
    [InlineData("- name: Broad sense", "- name: Narrow sense", "twice")]
    [InlineData("    summary: >\n      The helpful", "    colour: blue\n    summary: >\n      The helpful", "unknown key 'colour'")]
    public void A_bad_sense_is_an_error_on_the_senses_field(string find, string replace, string expected)
    {
        var senses = TwoSenses.Replace("\r\n", "\n");
        if (find.StartsWith("https://", StringComparison.Ordinal))
            senses = senses.Replace("    sources:\n      - title: A post on the broad sense\n        url: " + find, "");
        else
            senses = senses.Replace(find, replace == "x" ? new string('x', TermFileParser.MaxSummaryLength + 1) : replace);

        var corpus = LoadGamma(senses);

        Assert.Contains(corpus.Errors, e => e is { File: "gamma.md", Field: "senses" } && e.Message.Contains(expected));
    }

    [Fact]
    public void A_single_sense_is_refused()
    {
        var one = TwoSenses.Replace("\r\n", "\n");
        one = one[..one.IndexOf("  - name: Broad sense", StringComparison.Ordinal)] + "\n";

        var error = Assert.Single(LoadGamma(one).Errors);

        Assert.Equal(("gamma.md", "senses"), (error.File, error.Field));
    }

    [Fact]
    public void The_sense_a_question_is_about_comes_first_and_a_bare_name_keeps_file_order()
    {
        var gamma = LoadGamma(TwoSenses).Terms.Single(t => t.Slug == "gamma");

        Assert.Equal("Broad sense", TermSenses.For(gamma, "gamma in the sense of keeping overseers informed")[0].Name);
        Assert.Equal("Narrow sense", TermSenses.For(gamma, "what is gamma?")[0].Name);
        Assert.Equal("Narrow sense", TermSenses.For(gamma, "gamma and switching it off")[0].Name);
    }
}
