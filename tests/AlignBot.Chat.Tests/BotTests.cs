namespace AlignBot.Chat.Tests;

public sealed class BotTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    private readonly Bot _bot = new(real.Glossary, new Random(7));

    private Reply Ask(string text) => _bot.Handle(ChatRequest.Local(text));

    [Fact]
    public void Define_sycophancy_returns_its_card_with_related_terms()
    {
        var card = Assert.IsType<Reply.TermCard>(Ask("define sycophancy"));

        Assert.Equal("Sycophancy", card.Term.Name);
        Assert.NotEmpty(card.Term.Summary);
        Assert.NotEmpty(card.Term.Body);
        Assert.Equal("failure-modes", card.Term.Category);
        Assert.NotEmpty(card.Term.Sources);
        Assert.Equal(card.Term.Related, card.Related.Select(r => r.Slug));
        Assert.All(card.Related, r => Assert.False(string.IsNullOrEmpty(r.Name)));
        Assert.Null(card.CorrectedFrom);
    }

    [Fact]
    public void A_question_about_one_sense_shows_that_sense_first()
    {
        var scheming = Assert.IsType<Reply.TermCard>(Ask("what is in-context scheming?"));
        var plain = Assert.IsType<Reply.TermCard>(Ask("define deceptive alignment"));

        Assert.Equal("deceptive-alignment", scheming.Term.Slug);
        Assert.Equal("In-context scheming", scheming.SensesInOrder[0].Name);
        Assert.Equal(plain.Term.SenseList.Select(s => s.Name), plain.SensesInOrder.Select(s => s.Name));
    }

    [Fact]
    public void Free_question_is_answered_like_define() =>
        Assert.Equal("reward-hacking", Assert.IsType<Reply.TermCard>(Ask("What is reward hacking?")).Term.Slug);

    [Fact]
    public void Misspelt_question_is_answered_and_says_what_was_typed()
    {
        var card = Assert.IsType<Reply.TermCard>(Ask("what is sychophancy"));

        Assert.Equal(("sycophancy", "sychophancy"), (card.Term.Slug, card.CorrectedFrom));
    }

    [Fact]
    public void Off_topic_question_gets_not_found()
    {
        var miss = Assert.IsType<Reply.NotFound>(Ask("best pizza in town"));

        Assert.Equal("best pizza in town", miss.Query);
        Assert.Empty(miss.DidYouMean);
    }

    [Fact]
    public void Near_miss_gets_did_you_mean()
    {
        var miss = Assert.IsType<Reply.NotFound>(Ask("define reward hacking pizza oven"));

        Assert.InRange(miss.DidYouMean.Count, 1, 3);
        Assert.Equal("reward-hacking", miss.DidYouMean[0].Slug);
    }

    [Theory]
    [InlineData("inner alignment vs outer alignment", "inner-alignment", "outer-alignment")]
    [InlineData("what's the difference between RLHF and DPO?", "rlhf", "dpo")]
    [InlineData("difference between helpful, honest and harmless and honesty", "hhh", "honesty")]
    public void Comparison_puts_two_terms_side_by_side(string text, string first, string second)
    {
        var pair = Assert.IsType<Reply.Comparison>(Ask(text));

        Assert.Equal((first, second), (pair.First.Slug, pair.Second.Slug));
    }

    [Fact]
    public void Comparison_with_an_unknown_side_falls_back_to_a_lookup() =>
        Assert.IsNotType<Reply.Comparison>(Ask("RLHF vs pizza"));

    [Fact]
    public void Search_lists_ranked_terms()
    {
        var list = Assert.IsType<Reply.SearchResults>(Ask("search human feedback"));

        Assert.Equal("human feedback", list.Query);
        Assert.InRange(list.Items.Count, 2, Bot.MaxSearchResults);
        Assert.Contains(list.Items.Take(3), t => t.Slug == "rlhf");
    }

    [Fact]
    public void Search_without_matches_is_not_found() =>
        Assert.IsType<Reply.NotFound>(Ask("search qqqzzz"));

    [Fact]
    public void Related_lists_the_terms_to_read_next()
    {
        var related = Assert.IsType<Reply.RelatedTerms>(Ask("related RLHF"));

        Assert.Equal("rlhf", related.Of.Slug);
        Assert.InRange(related.Items.Count, 2, 6);
    }

    [Fact]
    public void Random_returns_a_term_card_from_the_glossary()
    {
        var slugs = Enumerable.Range(0, 20).Select(_ => Assert.IsType<Reply.TermCard>(Ask("random")).Term.Slug).ToHashSet();

        Assert.True(slugs.Count > 1);
        Assert.All(slugs, s => Assert.NotNull(real.Glossary.Find(s)));
    }

    [Fact]
    public void Related_term_button_shows_that_term()
    {
        var request = ChatRequest.Local("") with { Action = new ChatAction(ActionIds.ShowTerm, "honesty") };

        Assert.Equal("honesty", Assert.IsType<Reply.TermCard>(_bot.Handle(request)).Term.Slug);
    }

    [Fact]
    public void Button_with_unknown_slug_gets_not_found_not_a_crash()
    {
        var request = ChatRequest.Local("") with { Action = new ChatAction(ActionIds.ShowTerm, "no-such-term") };

        Assert.IsType<Reply.NotFound>(_bot.Handle(request));
    }

    [Fact]
    public void Empty_message_gets_help_with_examples()
    {
        var help = Assert.IsType<Reply.Help>(Ask(""));

        Assert.Contains(help.Commands, c => c.Usage.StartsWith("define"));
        Assert.NotEmpty(help.Examples);
        Assert.Equal(real.Glossary.Count, help.TermCount);
    }
}
