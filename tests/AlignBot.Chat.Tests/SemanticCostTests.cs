using AlignBot.Glossary;
using AlignBot.Glossary.Search.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Chat.Tests;

/// <summary>
/// Which messages pay for the sentence model (milliseconds each): only lookups whose answer it can change. Each test has
/// its own glossary on the shared model, so its count of encodings is its own.
/// </summary>
public sealed class SemanticCostTests(HybridGlossary hybrid) : IClassFixture<HybridGlossary>
{
    private TermGlossary Fresh()
    {
        var glossary = new TermGlossary(hybrid.Glossary.Terms, SemanticModel.Shared(HybridGlossary.ModelFolder, NullLogger.Instance));
        glossary.WhenSemanticReady().GetAwaiter().GetResult();
        return glossary;
    }

    [Fact]
    public void Trying_the_runs_of_words_of_a_long_message_as_comparison_sides_does_not_run_the_model()
    {
        var glossary = Fresh();
        const string message = "the vendor deck compares their new content filter pipeline vs the old keyword blocklist we had on latency and cost";

        var reply = new Bot(glossary).AnswerFromGlossary(ChatRequest.Local(message));

        Assert.IsNotType<Reply.Comparison>(reply);
        Assert.True(glossary.SemanticLookups <= 3, $"{glossary.SemanticLookups} lookups ran the sentence model");
    }

    [Fact]
    public void Names_and_messages_without_any_candidate_never_run_the_model()
    {
        var glossary = Fresh();
        var bot = new Bot(glossary);

        bot.AnswerFromGlossary(ChatRequest.Local("define reward hacking"));
        bot.AnswerFromGlossary(ChatRequest.Local("sychophancy"));
        bot.AnswerFromGlossary(ChatRequest.Local("xylophone quokka"));

        Assert.Equal(0, glossary.SemanticLookups);
    }

    [Theory]
    [InlineData("in standup someone said our newest checkpoint might be sandbagging and everyone nodded along")]
    [InlineData("the habit of AI assistants telling users what they want to hear")]
    public void A_long_message_naming_one_term_and_a_ranked_answer_explaining_all_of_the_question_do_not_run_the_model(string message)
    {
        var glossary = Fresh();

        var reply = new Bot(glossary).AnswerFromGlossary(ChatRequest.Local(message));

        Assert.IsType<Reply.TermCard>(reply);
        Assert.Equal(0, glossary.SemanticLookups);
    }
}
