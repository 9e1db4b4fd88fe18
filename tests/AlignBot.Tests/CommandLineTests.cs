using System.Text.Json;
using AlignBot.Cli;

namespace AlignBot.Tests;

public sealed class CommandLineTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunAsync([.. args, "--corpus", RepoPaths.Corpus], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Ask_define_sycophancy_prints_the_term_summary_related_and_source()
    {
        var (code, output, _) = await Run("ask", "define sycophancy");

        Assert.Equal(0, code);
        Assert.StartsWith("Sycophancy  [Failure modes]", output);
        Assert.Contains("what they want to hear", output);
        Assert.Contains("Related: ", output);
        Assert.Contains("(rlhf)", output);
        Assert.Contains("Source: ", output);
    }

    [Fact]
    public async Task Ask_off_topic_says_no_definition_was_found()
    {
        var (code, output, _) = await Run("ask", "best pizza in town");

        Assert.Equal(0, code);
        Assert.Contains("No definition found for \"best pizza in town\"", output);
    }

    [Fact]
    public async Task Search_json_lists_ranked_hits_with_slug_and_score()
    {
        var (code, output, _) = await Run("search", "human feedback", "--json");

        Assert.Equal(0, code);
        var hits = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Contains(hits.Take(3), h => h.GetProperty("slug").GetString() == "rlhf");
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.All(scores, s => Assert.True(s > 0));
    }

    [Fact]
    public async Task Search_text_prints_one_numbered_line_per_hit()
    {
        var (_, output, _) = await Run("search", "reward");

        Assert.Matches(@"^ 1\. \S+\s+\d+\.\d{3}  ", output);
    }

    [Fact]
    public async Task Corpus_check_on_the_real_corpus_is_clean_and_counts_terms()
    {
        var (code, output, error) = await Run("corpus", "check");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Matches(@"\d+ terms in .*: 0 error\(s\)", output);
    }

    [Fact]
    public async Task Corpus_check_on_a_broken_corpus_fails_naming_file_and_field()
    {
        using var corpus = new TempCorpus()
            .Term("alpha", "Alpha", ["beta", "ghost"])
            .Term("beta", "Beta", ["alpha", "alpha"], aliases: ["Alpha"])
            .Term("gamma", "Gamma", ["alpha", "beta"], edit: t => t.Replace("summary: >\n  Gamma is a made-up entry used by the tests to check how the corpus loader behaves.\n", ""));
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await CommandLine.RunAsync(["corpus", "check", "--corpus", corpus.Directory], output, error);

        Assert.Equal(1, code);
        var errors = error.ToString();
        Assert.Contains("alpha.md: related: 'ghost' names no term", errors);
        Assert.Contains("beta.md: related: 'alpha' is listed twice", errors);
        Assert.Contains("beta.md: aliases: 'Alpha' is the name of term 'alpha'", errors);
        Assert.Contains("gamma.md: summary: is required", errors);
        Assert.Contains("4 error(s)", output.ToString());
    }

    [Fact]
    public async Task Corpus_check_reports_missing_required_terms()
    {
        using var corpus = new TempCorpus().Term("alpha", "Alpha", ["beta", "gamma"]).Term("beta", "Beta", ["alpha", "gamma"]).Term("gamma", "Gamma", ["alpha", "beta"]);
        var terms = Path.Combine(corpus.Directory, "terms");
        Directory.CreateDirectory(terms);
        foreach (var file in Directory.GetFiles(corpus.Directory, "*.md"))
            File.Move(file, Path.Combine(terms, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(corpus.Directory, "required-terms.txt"), "# must hold\nalpha\ndelta\n");
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await CommandLine.RunAsync(["corpus", "check", "--corpus", corpus.Directory], output, error);

        Assert.Equal(1, code);
        Assert.Contains("delta.md: file: a required term is missing", error.ToString());
        Assert.DoesNotContain("alpha.md", error.ToString());
    }

    [Fact]
    public async Task Eval_prints_misses_and_ends_with_one_summary_line()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["# a comment", "what is sycophancy\tsycophancy", "R.L.H.F.\trlhf", "sycophancy\thonesty", "best pizza in town\t-"]);
        try
        {
            var (code, output, _) = await Run("eval", file);

            Assert.Equal(0, code);
            var lines = output.TrimEnd().Split('\n');
            Assert.Equal("top1=0.750 mrr=0.", lines[^1][..17]);
            Assert.Matches(@"^top1=0\.750 mrr=0\.\d{3} false=0\.000 n=4$", lines[^1]);
            Assert.Single(lines, l => l.StartsWith("miss line 4: \"sycophancy\" expected honesty, answered sycophancy"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Eval_shows_dev_misses_and_only_the_figures_of_the_holdout()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["sycophancy\thonesty\tacronym\tdev", "what is rlhf\tsycophancy\tfiller\tholdout", "what is dpo\tdpo\tfiller\tholdout"]);
        try
        {
            var (code, output, _) = await Run("eval", file);

            Assert.Equal(0, code);
            Assert.Contains("miss line 1: \"sycophancy\"", output);
            Assert.DoesNotContain("what is rlhf", output);
            Assert.Contains("1 holdout misses, not shown", output);
            Assert.Contains("split holdout      top1=0.500", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Eval_of_a_missing_or_malformed_file_fails_clearly()
    {
        var (code, _, error) = await Run("eval", "/no/such/file.tsv");
        Assert.Equal((1, true), (code, error.Contains("No such file")));

        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "no tab on this line\n");
        try
        {
            (code, _, error) = await Run("eval", file);
            Assert.Equal((1, true), (code, error.Contains("line 1")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("corpus")]
    [InlineData("eval")]
    public async Task Incomplete_verbs_print_usage_and_exit_2(string verb)
    {
        var (code, _, error) = await Run(verb);

        Assert.Equal(2, code);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public async Task Broken_corpus_makes_ask_fail_with_every_error()
    {
        using var corpus = new TempCorpus().Term("alpha", "Alpha", ["beta", "ghost"]).Term("beta", "Beta", ["alpha", "nobody"]);
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await CommandLine.RunAsync(["ask", "alpha", "--corpus", corpus.Directory], output, error);

        Assert.Equal(1, code);
        Assert.Contains("'ghost'", error.ToString());
        Assert.Contains("'nobody'", error.ToString());
    }
}
