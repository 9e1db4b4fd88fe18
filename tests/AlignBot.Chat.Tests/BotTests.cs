namespace AlignBot.Chat.Tests;

public sealed class BotTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    private readonly Bot _bot = new(real.Glossary, new Random(7));

    private Reply Ask(string text) => _bot.AnswerFromGlossary(ChatRequest.Local(text));

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

        Assert.Equal([first, second], pair.Terms.Select(t => t.Slug));
    }

    [Theory]
    [InlineData("rlhf vs dpo vs rlaif", "rlhf", "dpo", "rlaif")]
    [InlineData("debate vs amplification vs recursive reward modeling, how do they compare", "ai-safety-via-debate", "iterated-amplification", "recursive-reward-modeling")]
    [InlineData("what is the difference between outer alignment, inner alignment and mesa-optimization", "outer-alignment", "inner-alignment", "mesa-optimization")]
    [InlineData("difference between rlhf, dpo, and rlaif", "rlhf", "dpo", "rlaif")]
    public void Comparison_of_three_puts_three_terms_side_by_side(string text, string first, string second, string third) =>
        Assert.Equal([first, second, third], Assert.IsType<Reply.Comparison>(Ask(text)).Terms.Select(t => t.Slug));

    [Theory]
    [InlineData("rlhf vs dpo whats the diff", "rlhf", "dpo")]
    [InlineData("is sandbagging the same as alignment faking", "sandbagging", "alignment-faking")]
    [InlineData("jailbreak or prompt injection, which one is it when the attack is hidden in an email", "jailbreak", "prompt-injection")]
    [InlineData("what is RLHF? and also what's DPO?", "rlhf", "dpo")]
    [InlineData("whats sycophancy? how about sandbagging?", "sycophancy", "sandbagging")]
    [InlineData("can you define corrigibility and also what's reward hacking", "corrigibility", "reward-hacking")]
    [InlineData("does jailbreaking count as prompt injection?", "jailbreak", "prompt-injection")]
    [InlineData("sycophancy and reward hacking?? what are those", "sycophancy", "reward-hacking")]
    [InlineData("define jailbreak, prompt injection", "jailbreak", "prompt-injection")]
    [InlineData("inner and outer alignment?", "inner-alignment", "outer-alignment")]
    [InlineData("rlhf and dpo — what do they mean", "rlhf", "dpo")]
    [InlineData("<at>AlignBot</at> tell me about pretraining then supervised fine-tuning", "pretraining", "supervised-fine-tuning")]
    public void Comparison_is_found_anywhere_in_a_sentence(string text, string first, string second) =>
        Assert.Equal([first, second], Assert.IsType<Reply.Comparison>(Ask(text)).Terms.Select(t => t.Slug));

    [Theory]
    [InlineData("hi")]
    [InlineData("thanks!")]
    [InlineData("who made you?")]
    [InlineData("<@U04QX7R2M> hello")]
    [InlineData("👋")]
    [InlineData("hey alignbot :wave:")]
    [InlineData("hello align bot")]
    public void Small_talk_gets_a_friendly_reply_saying_what_to_ask(string text)
    {
        var greeting = Assert.IsType<Reply.Greeting>(Ask(text));

        Assert.Contains("Ask me", greeting.Text);
        Assert.NotEmpty(greeting.Examples);
    }

    [Theory]
    [InlineData("ty, that helped a ton")]
    [InlineData("cheers that was really useful")]
    [InlineData("ok that makes sense, thanks")]
    [InlineData("super helpful thx 🙏")]
    [InlineData("many thanks, good to know")]
    [InlineData("thanks alignbot")]
    public void Thanks_in_its_everyday_forms_is_thanked_back(string text) =>
        Assert.True(Assert.IsType<Reply.Greeting>(Ask(text)).Text.StartsWith("You're welcome", StringComparison.Ordinal), text);

    [Theory]
    [InlineData("<@U04ABCDEF> eli5 rlhf :thinking_face:", "rlhf")]
    [InlineData("<at>AlignBot</at> what is __power seeking__ 🙃", "power-seeking")]
    [InlineData("<https://arxiv.org/abs/2401.05566> sleeper agents?? <@U04QX7R2M>", "sleeper-agents")]
    [InlineData("ok dumb question but what is interpretability actually", "interpretability")]
    [InlineData("how do I prevent prompt injection", "prompt-injection")]
    [InlineData("whats the deal with evals", "capability-evaluations")]
    [InlineData("wat is rlhf", "rlhf")]
    [InlineData("how can we detect deceptive alignment?", "deceptive-alignment")]
    [InlineData("so how do we detect deceptive alignment", "deceptive-alignment")]
    [InlineData("<at>AlignBot</at> /align define jailbreak", "jailbreak")]
    public void Chat_noise_and_filler_do_not_hide_the_subject(string text, string slug) =>
        Assert.Equal(slug, Assert.IsType<Reply.TermCard>(Ask(text)).Term.Slug);

    [Theory]
    [InlineData("what is RLHF? i read about it in a paper")]
    [InlineData("what is RLHF? what's the best pizza in town?")]
    [InlineData("I know RLHF; what's DPO?")]
    [InlineData("i tried rlhf, also what's dpo")]
    [InlineData("what are kubernetes and helm")]
    [InlineData("what's RLHF? honestly")]
    [InlineData("what's RLHF? never heard of it")]
    [InlineData("helpful, honest and harmless")]
    public void A_sentence_that_asks_about_no_term_makes_no_comparison(string text) =>
        Assert.IsNotType<Reply.Comparison>(Ask(text));

    [Theory]
    [InlineData("what's rlhf? and where's the standup link again", "rlhf")]
    [InlineData("define jailbreak and also who's on call this week", "jailbreak")]
    [InlineData("I know RLHF; what's DPO?", "dpo")]
    public void Of_several_questions_the_one_that_names_a_term_is_answered(string text, string slug) =>
        Assert.Equal(slug, Assert.IsType<Reply.TermCard>(Ask(text)).Term.Slug);

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

        Assert.Equal("honesty", Assert.IsType<Reply.TermCard>(_bot.AnswerFromGlossary(request)).Term.Slug);
    }

    [Fact]
    public void Button_with_unknown_slug_gets_not_found_not_a_crash()
    {
        var request = ChatRequest.Local("") with { Action = new ChatAction(ActionIds.ShowTerm, "no-such-term") };

        Assert.IsType<Reply.NotFound>(_bot.AnswerFromGlossary(request));
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
