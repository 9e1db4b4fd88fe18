using AlignBot.Glossary.Search;

namespace AlignBot.Glossary.Tests;

/// <summary>Search behaviour on the real corpus: the requirements of the glossary engine, one by one.</summary>
public sealed class TermGlossaryTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    private readonly TermGlossary _glossary = real.Glossary;

    [Theory]
    [InlineData("Sycophancy", "sycophancy")]
    [InlineData("sycophancy", "sycophancy")]
    [InlineData("RLHF", "rlhf")]
    [InlineData("rlhf", "rlhf")]
    [InlineData("R.L.H.F.", "rlhf")]
    [InlineData("reward-hacking", "reward-hacking")]
    [InlineData("Goodharts law", "goodharts-law")]
    [InlineData("jail break", "jailbreak")]
    [InlineData("IRL", "inverse-reinforcement-learning")]
    [InlineData("HHH", "hhh")]
    [InlineData("ML", "machine-learning")]
    [InlineData("adversarial examples", "adversarial-attack")]
    public void Lookup_exact_name_alias_or_acronym_wins_outright(string query, string slug)
    {
        var result = _glossary.Lookup(query);

        Assert.Equal(slug, result.Answer?.Slug);
        Assert.Equal(MatchKind.Exact, result.Kind);
        Assert.Equal(slug, result.Ranked[0].Term.Slug);
    }

    [Theory]
    [InlineData("goal misgeneralisation", "goal-misgeneralization")]
    [InlineData("misgeneralisation", "goal-misgeneralization")]
    [InlineData("reward modelling", "reward-modeling")]
    [InlineData("mesa optimiser", "mesa-optimization")]
    public void Lookup_british_spellings_match(string query, string slug) =>
        Assert.Equal(slug, _glossary.Lookup(query).Answer?.Slug);

    [Theory]
    [InlineData("sychophancy", "sycophancy")]
    [InlineData("sycophancey", "sycophancy")]
    [InlineData("mechanistic interpretabilty", "mechanistic-interpretability")]
    [InlineData("corrigability", "corrigibility")]
    [InlineData("reward hackign", "reward-hacking")]
    public void Lookup_typos_within_two_edits_still_find_the_term(string query, string slug) =>
        Assert.Equal(slug, _glossary.Lookup(query).Answer?.Slug);

    [Theory]
    [InlineData("waht does specifcation gaming mean", "specification-gaming")]
    [InlineData("waht is allignment tax", "alignment-tax")]
    [InlineData("whta is reward tampering", "reward-tampering")]
    public void Lookup_misspelt_question_words_weigh_as_the_common_words_they_are(string query, string slug) =>
        Assert.Equal(slug, _glossary.Lookup(query).Answer?.Slug);

    [Fact]
    public void Lookup_corrected_answer_says_so_and_keeps_the_typed_subject()
    {
        var result = _glossary.Lookup("what is sychophancy?");

        Assert.Equal(("sycophancy", MatchKind.Corrected, "sychophancy"), (result.Answer?.Slug, result.Kind, result.Subject));
    }

    [Theory]
    [InlineData("what is reward hacking", "reward-hacking")]
    [InlineData("what's RLHF?", "rlhf")]
    [InlineData("define sycophancy", "sycophancy")]
    [InlineData("explain constitutional AI", "constitutional-ai")]
    [InlineData("tell me about instrumental convergence", "instrumental-convergence")]
    [InlineData("what does corrigible mean?", "corrigibility")]
    public void Lookup_understands_question_phrasing(string query, string slug) =>
        Assert.Equal(slug, _glossary.Lookup(query).Answer?.Slug);

    [Theory]
    [InlineData("AI that flatters the user instead of being accurate", "sycophancy")]
    [InlineData("model tells users what they want to hear", "sycophancy")]
    [InlineData("human feedback reinforcement learning", "rlhf")]
    public void Lookup_paraphrases_find_the_term_by_its_text(string query, string slug) =>
        Assert.Equal(slug, _glossary.Lookup(query).Answer?.Slug);

    [Theory]
    [InlineData("best pizza in town")]
    [InlineData("weather tomorrow in Paris")]
    [InlineData("how to cook rice")]
    [InlineData("zzzzqqq")]
    [InlineData("the")]
    [InlineData("?")]
    [InlineData("")]
    public void Lookup_off_topic_or_noise_gets_no_answer(string query)
    {
        var result = _glossary.Lookup(query);

        Assert.Null(result.Answer);
        Assert.Equal(MatchKind.None, result.Kind);
        Assert.True(result.DidYouMean.Count <= 3);
    }

    [Theory]
    [InlineData("what is mixture of experts")]   // "mixture" is two edits from "mitre", a five-letter word: not a typo of it
    [InlineData("what is the turing test")]      // "turing" is one edit from "tuning", a word of four names: it makes none here
    public void Lookup_does_not_repair_an_unknown_topic_into_a_term_name(string query)
    {
        var result = _glossary.Lookup(query);

        Assert.Null(result.Answer);
        Assert.NotEqual(MatchKind.Corrected, result.Kind);
    }

    [Theory]
    [InlineData("what is saftey tuning in post training", "safety-tuning")]
    [InlineData("waht is allignment faking", "alignment-faking")]
    public void Lookup_repairs_a_word_many_names_share_when_it_completes_a_name(string query, string slug) =>
        Assert.Equal((MatchKind.Corrected, slug), (_glossary.Lookup(query).Kind, _glossary.Lookup(query).Answer?.Slug));

    [Theory]
    [InlineData("knowledge distillation eli5", "iterated-amplification")]   // shares only "distillation" with an alias
    [InlineData("what is a confusion matrix", "mitre-atlas")]               // shares only "matrix" with an alias
    public void Lookup_short_question_with_a_distinctive_word_its_best_hit_lacks_is_not_answered(string query, string closest)
    {
        var result = _glossary.Lookup(query);

        Assert.Equal((MatchKind.None, true), (result.Kind, result.Uncovered));
        Assert.Null(result.Answer);
        Assert.Contains(result.DidYouMean, t => t.Slug == closest);
    }

    [Fact]
    public void Lookup_one_leading_word_of_a_name_is_not_that_name()
    {
        var result = _glossary.Lookup("what is a transformer");   // only in the alias "transformer circuits"

        Assert.Equal(MatchKind.None, result.Kind);
        Assert.Contains(result.DidYouMean, t => t.Slug == "circuits");
    }

    [Theory]
    [InlineData("what are world models", "eliciting-latent-knowledge")]   // both words in its summary, neither in a name
    [InlineData("object detection", "circuits")]
    public void Lookup_short_question_sharing_no_word_with_the_hits_names_is_not_answered(string query, string closest)
    {
        var result = _glossary.Lookup(query);

        Assert.Equal(MatchKind.None, result.Kind);
        Assert.Contains(result.DidYouMean, t => t.Slug == closest);
    }

    [Fact]
    public void Lookup_a_term_named_as_the_setting_of_another_subject_is_not_the_answer() =>
        Assert.Null(_glossary.Lookup("what does perplexity measure in a language model").Answer);

    [Fact]
    public void Lookup_a_term_named_after_a_preposition_alone_is_still_mentioned()
    {
        var result = _glossary.Lookup("the job ad asks for a background in alignment research, what is that");

        Assert.Equal((MatchKind.Mentioned, "alignment-research"), (result.Kind, result.Answer?.Slug));
    }

    [Theory]
    [InlineData("red teamers", "red-teaming")]            // "red team", grown into "red teamers"
    [InlineData("amplification", "iterated-amplification")]   // the last word of "iterated amplification"
    public void Lookup_a_name_grown_or_named_by_its_last_word_still_answers(string query, string slug) =>
        Assert.Equal(slug, _glossary.Lookup(query).Answer?.Slug);

    [Theory]
    [InlineData("what's your p doom", "p-doom")]
    [InlineData("process vs outcome supervision", "process-supervision")]
    public void Lookup_short_words_are_never_distinctive(string query, string slug) =>
        Assert.Equal(slug, _glossary.Lookup(query).Answer?.Slug);

    [Fact]
    public void Lookup_partial_match_offers_suggestions_instead_of_a_card()
    {
        var result = _glossary.Lookup("reward hacking pizza oven");

        Assert.Null(result.Answer);
        Assert.InRange(result.DidYouMean.Count, 1, 3);
        Assert.Equal("reward-hacking", result.DidYouMean[0].Slug);
    }

    [Fact]
    public void Search_ranks_terms_with_scores_best_first()
    {
        var hits = _glossary.Search("reward");

        Assert.True(hits.Count >= 3);
        Assert.Contains(hits.Take(5), h => h.Term.Slug == "reward-hacking");
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Term.Slug), hits.Select(h => h.Term.Slug));
    }

    [Fact]
    public void Search_nonsense_finds_nothing() => Assert.Empty(_glossary.Search("zzzzqqq"));

    [Theory]
    [InlineData("model")]
    [InlineData("AI")]
    [InlineData("the model")]
    public void Search_for_words_most_terms_use_still_lists_terms(string words)
    {
        var common = _glossary.Terms.Count(t => (t.Summary + " " + t.Body).Contains(words.Split(' ')[^1], StringComparison.OrdinalIgnoreCase));
        Assert.True(common > _glossary.Count / 2, $"the test needs a word most terms use; '{words}' is in {common}");

        Assert.NotEmpty(_glossary.Search(words));
    }

    [Fact]
    public void Find_by_slug_and_replace_swaps_the_corpus()
    {
        var glossary = new TermGlossary(_glossary.Terms);
        Assert.NotNull(glossary.Find("sycophancy"));

        glossary.Replace(_glossary.Terms.Where(t => t.Slug != "sycophancy").ToList());

        Assert.Null(glossary.Find("sycophancy"));
        Assert.NotEqual("sycophancy", glossary.Lookup("sycophancy").Answer?.Slug);
        Assert.Equal(_glossary.Count - 1, glossary.Count);
    }
}
