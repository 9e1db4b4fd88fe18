using AlignBot.Glossary.Corpus;

namespace AlignBot.Glossary.Tests;

/// <summary>Review dates: parsed and validated per file, and judged against today for entries about moving subjects.</summary>
public sealed class ProvenanceTests(RealGlossary real) : IClassFixture<RealGlossary>, IDisposable
{
    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }

    private static readonly TimeProvider Today = new FixedClock(new DateOnly(2026, 11, 30));

    private TempCorpus Pair() => _corpus.Term("alpha", "Alpha", ["beta", "gamma"]).Term("beta", "Beta", ["alpha", "gamma"]);

    /// <summary>Gamma, linked from alpha and beta, with its front matter edited.</summary>
    private LoadedCorpus LoadWithGamma(Func<string, string> edit) =>
        CorpusLoader.Load(Pair().Term("gamma", "Gamma", ["alpha", "beta"], edit: edit).Directory, Today);

    private static string Governance(string text) => text.Replace("category: failure-modes", "category: governance");

    private static string WithChecked(string text, string date) =>
        text.Replace($"reviewed: {TempCorpus.Reviewed}\n", $"reviewed: {TempCorpus.Reviewed}\nchecked: {date}\n");

    [Fact]
    public void Reviewed_and_checked_dates_are_read_into_the_term()
    {
        var corpus = LoadWithGamma(t => WithChecked(t, "2026-10-01"));

        Assert.True(corpus.IsValid, string.Join("\n", corpus.Problems));
        var gamma = corpus.Terms.Single(t => t.Slug == "gamma");
        Assert.Equal((new DateOnly(2026, 1, 15), new DateOnly(2026, 10, 1)), (gamma.Reviewed, gamma.Checked));
        Assert.Empty(corpus.Warnings);
    }

    [Theory]
    [InlineData("30/11/2026")]
    [InlineData("2026-11")]
    [InlineData("2026-02-30")]
    [InlineData("soon")]
    public void A_date_in_another_format_is_an_error_naming_the_field(string date)
    {
        var corpus = LoadWithGamma(t => t.Replace($"reviewed: {TempCorpus.Reviewed}", $"reviewed: {date}"));

        var error = Assert.Single(corpus.Errors);
        Assert.Equal(("gamma.md", "reviewed"), (error.File, error.Field));
        Assert.Contains("yyyy-MM-dd", error.Message);
    }

    [Fact]
    public void A_missing_review_date_is_a_warning()
    {
        var corpus = LoadWithGamma(t => t.Replace($"reviewed: {TempCorpus.Reviewed}\n", ""));

        Assert.True(corpus.IsValid);
        var warning = Assert.Single(corpus.Warnings);
        Assert.Equal(("gamma.md", "reviewed"), (warning.File, warning.Field));
    }

    [Fact]
    public void A_moving_subject_checked_over_twelve_months_ago_is_a_warning()
    {
        var stale = LoadWithGamma(t => Governance(WithChecked(t, "2025-11-29")));
        var fresh = LoadWithGamma(t => Governance(WithChecked(t, "2025-11-30")));

        var warning = Assert.Single(stale.Warnings);
        Assert.Equal(("gamma.md", "checked"), (warning.File, warning.Field));
        Assert.Contains("2025-11-29", warning.Message);
        Assert.Empty(fresh.Warnings);
    }

    [Fact]
    public void An_entry_that_does_not_move_is_not_stale_however_old_its_review()
    {
        var corpus = CorpusLoader.Load(Pair().Term("gamma", "Gamma", ["alpha", "beta"]).Directory, new FixedClock(new DateOnly(2031, 1, 1)));

        Assert.Empty(corpus.Warnings);
    }

    [Fact]
    public void A_governance_entry_without_a_checked_date_is_told_to_add_one_and_judged_by_its_review()
    {
        var corpus = CorpusLoader.Load(Pair().Term("gamma", "Gamma", ["alpha", "beta"], edit: Governance).Directory, new FixedClock(new DateOnly(2027, 6, 1)));

        Assert.Equal([("gamma.md", "checked"), ("gamma.md", "reviewed")], corpus.Warnings.Select(w => (w.File, w.Field)).Order());
    }

    [Fact]
    public void A_date_in_the_future_is_a_warning()
    {
        var corpus = LoadWithGamma(t => t.Replace($"reviewed: {TempCorpus.Reviewed}", "reviewed: 2027-01-01"));

        var warning = Assert.Single(corpus.Warnings);
        Assert.Equal(("gamma.md", "reviewed"), (warning.File, warning.Field));
        Assert.Contains("future", warning.Message);
    }

    [Fact]
    public void The_label_names_month_and_year_in_English()
    {
        var term = real.Glossary.Terms[0] with { Reviewed = new DateOnly(2026, 11, 30) };

        Assert.Equal("Reviewed November 2026", Provenance.ReviewedLabel(term));
        Assert.Null(Provenance.ReviewedLabel(term with { Reviewed = null }));
    }

    [Fact]
    public void Every_real_entry_has_a_review_date_and_every_governance_entry_a_checked_date()
    {
        Assert.All(real.Glossary.Terms, t => Assert.NotNull(t.Reviewed));
        Assert.All(real.Glossary.Terms.Where(t => t.Category == "governance"), t => Assert.NotNull(t.Checked));
    }
}
