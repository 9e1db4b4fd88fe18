using AlignBot.Glossary.Corpus;

namespace AlignBot.Glossary.Tests;

public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private TempCorpus ValidPair() =>
        _corpus.Term("alpha", "Alpha", ["beta", "gamma"]).Term("beta", "Beta", ["alpha", "gamma"]).Term("gamma", "Gamma", ["alpha", "beta"]);

    private static CorpusProblem Single(LoadedCorpus corpus) => Assert.Single(corpus.Errors);

    [Fact]
    public void Load_valid_corpus_has_terms_and_no_errors()
    {
        var corpus = CorpusLoader.Load(ValidPair().Directory);

        Assert.True(corpus.IsValid, string.Join("\n", corpus.Problems));
        Assert.Equal(["alpha", "beta", "gamma"], corpus.Terms.Select(t => t.Slug));
        var alpha = corpus.Terms[0];
        Assert.Equal("Alpha", alpha.Name);
        Assert.Equal("failure-modes", alpha.Category);
        Assert.Equal(["beta", "gamma"], alpha.Related);
        Assert.Equal("https://example.org/alpha", Assert.Single(alpha.Sources).Url);
        Assert.StartsWith("Alpha is a made-up entry", alpha.Summary);
        Assert.StartsWith("Alpha is described here", alpha.Body);
    }

    [Fact]
    public void Load_missing_summary_names_file_and_field()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"], edit: t => t.Replace("summary: >\n  Delta is a made-up entry used by the tests to check how the corpus loader behaves.\n", ""));

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", "summary"), (error.File, error.Field));
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void Load_summary_over_280_characters_is_refused()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"], edit: t => t.Replace("Delta is a made-up entry", new string('x', 281)));

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", "summary"), (error.File, error.Field));
    }

    [Fact]
    public void Load_unknown_related_slug_names_the_slug()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "no-such-term"]);

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", "related"), (error.File, error.Field));
        Assert.Contains("no-such-term", error.Message);
    }

    [Theory]
    [InlineData(new[] { "delta", "alpha" }, "itself")]
    [InlineData(new[] { "alpha" }, "2 to 6")]
    [InlineData(new[] { "alpha", "beta", "gamma", "alpha", "beta", "gamma", "alpha" }, "2 to 6")]
    [InlineData(new[] { "alpha", "alpha" }, "twice")]
    public void Load_bad_related_lists_are_refused(string[] related, string expected)
    {
        ValidPair().Term("delta", "Delta", related);

        var errors = CorpusLoader.Load(_corpus.Directory).Errors.ToList();

        Assert.Contains(errors, e => e is { File: "delta.md", Field: "related" } && e.Message.Contains(expected));
    }

    [Fact]
    public void Load_duplicate_alias_across_files_is_refused()
    {
        _corpus.Term("alpha", "Alpha", ["beta", "gamma"], aliases: ["shared name"])
            .Term("beta", "Beta", ["alpha", "gamma"], aliases: ["Shared Name"])
            .Term("gamma", "Gamma", ["alpha", "beta"]);

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("beta.md", "aliases"), (error.File, error.Field));
        Assert.Contains("alpha", error.Message);
    }

    [Fact]
    public void Load_alias_equal_to_another_terms_name_is_refused()
    {
        _corpus.Term("alpha", "Alpha", ["beta", "gamma"], aliases: ["gamma"])
            .Term("beta", "Beta", ["alpha", "gamma"]).Term("gamma", "Gamma", ["alpha", "beta"]);

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("alpha.md", "aliases"), (error.File, error.Field));
        Assert.Contains("name of term 'gamma'", error.Message);
    }

    [Fact]
    public void Load_acronym_shared_by_two_terms_is_refused()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"], edit: t => t.Replace("acronyms: []", "acronyms: [XY]"))
            .Term("epsilon", "Epsilon", ["alpha", "beta"], edit: t => t.Replace("acronyms: []", "acronyms: [xy]"));

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("epsilon.md", "acronyms"), (error.File, error.Field));
    }

    [Fact]
    public void Load_two_terms_with_one_name_is_refused()
    {
        ValidPair().Term("delta", "Alpha", ["alpha", "beta"]);

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", "term"), (error.File, error.Field));
    }

    [Fact]
    public void Load_unknown_category_is_refused()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"], edit: t => t.Replace("category: failure-modes", "category: cooking"));

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", "category"), (error.File, error.Field));
        Assert.Contains("cooking", error.Message);
    }

    [Theory]
    [InlineData("Delta")]
    [InlineData("delta_term")]
    [InlineData("delta--term")]
    public void Load_file_name_that_is_not_a_slug_is_refused(string fileName)
    {
        ValidPair().Write(fileName, TempCorpus.TermText(fileName, "Delta", ["alpha", "beta"]));

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal((fileName + ".md", "slug"), (error.File, error.Field));
    }

    [Theory]
    [InlineData("term: Delta\nsummary: x\n", "front matter")]
    [InlineData("---\nterm: [unclosed\n---\nbody\n", "front matter")]
    [InlineData("---\n- just\n- a list\n---\nbody\n", "front matter")]
    public void Load_broken_front_matter_is_refused(string text, string field)
    {
        ValidPair().Write("delta", text);

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", field), (error.File, error.Field));
    }

    [Fact]
    public void Load_unknown_key_missing_sources_and_empty_body_are_each_reported()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"], edit: t =>
        {
            var text = t.Replace("term: Delta", "term: Delta\nrelatd: [alpha]");
            text = text.Replace("sources:\n  - title: A source about Delta\n    url: https://example.org/delta\n", "");
            return text[..(text.LastIndexOf("---\n", StringComparison.Ordinal) + 4)];
        });

        var errors = CorpusLoader.Load(_corpus.Directory).Errors.Select(e => (e.File, e.Field)).ToList();

        Assert.Equal([("delta.md", "body"), ("delta.md", "relatd"), ("delta.md", "sources")], errors.Order());
    }

    [Fact]
    public void Load_source_without_http_url_is_refused()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"], edit: t => t.Replace("url: https://example.org/delta", "url: javascript:alert(1)"));

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", "sources"), (error.File, error.Field));
    }

    [Fact]
    public void Load_reports_every_problem_of_every_file_at_once()
    {
        ValidPair()
            .Term("delta", "Delta", ["alpha", "nowhere"])
            .Term("epsilon", "Epsilon", ["alpha", "beta"], edit: t => t.Replace("category: failure-modes", "category: nope"));

        var errors = CorpusLoader.Load(_corpus.Directory).Errors.Select(e => (e.File, e.Field)).ToList();

        Assert.Equal([("delta.md", "related"), ("epsilon.md", "category")], errors.Order());
    }

    [Fact]
    public void Load_term_nobody_links_to_is_a_warning_not_an_error()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"]);

        var corpus = CorpusLoader.Load(_corpus.Directory);

        Assert.True(corpus.IsValid);
        var warning = Assert.Single(corpus.Warnings);
        Assert.Equal(("delta.md", "related"), (warning.File, warning.Field));
    }

    [Fact]
    public void Load_link_to_a_broken_file_is_reported_once_on_that_file()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "beta"], edit: t => t.Replace("category: failure-modes", "category: nope"))
            .Term("epsilon", "Epsilon", ["alpha", "delta"]);

        var errors = CorpusLoader.Load(_corpus.Directory).Errors.ToList();

        Assert.Equal("delta.md", Assert.Single(errors).File);
    }

    [Fact]
    public void Load_yaml_alias_bomb_is_not_expanded()
    {
        var bomb = "---\nterm: Delta\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "aliases: *f\n---\nbody\n";
        ValidPair().Write("delta", bomb);

        var corpus = CorpusLoader.Load(_corpus.Directory);

        Assert.Contains(corpus.Errors, e => e is { File: "delta.md", Field: "aliases" });
        Assert.Contains(corpus.Errors, e => e is { File: "delta.md", Field: "a" });
    }

    [Fact]
    public void Load_oversized_file_is_refused_without_parsing()
    {
        ValidPair().Write("delta", "---\nterm: Delta\nsummary: " + new string('x', TermFileParser.MaxFileBytes) + "\n---\nbody");

        var error = Single(CorpusLoader.Load(_corpus.Directory));

        Assert.Equal(("delta.md", "file"), (error.File, error.Field));
    }

    [Fact]
    public void Load_missing_folder_is_an_error()
    {
        var corpus = CorpusLoader.Load(Path.Combine(_corpus.Directory, "nope"));

        Assert.Equal("path", Single(corpus).Field);
    }

    [Fact]
    public void EnsureValid_throws_with_every_error_in_the_message()
    {
        ValidPair().Term("delta", "Delta", ["alpha", "nowhere"]);

        var ex = Assert.Throws<CorpusException>(() => CorpusLoader.Load(_corpus.Directory).EnsureValid());

        Assert.Contains("delta.md: related: 'nowhere'", ex.Message);
    }

    [Fact]
    public void Real_corpus_loads_without_errors()
    {
        var corpus = CorpusLoader.Load(RepoPaths.Corpus);

        Assert.True(corpus.IsValid, string.Join("\n", corpus.Errors));
        Assert.True(corpus.Terms.Count >= 79);
    }
}
