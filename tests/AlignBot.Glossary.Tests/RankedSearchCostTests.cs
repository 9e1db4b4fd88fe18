using AlignBot.Glossary.Search;

namespace AlignBot.Glossary.Tests;

/// <summary>
/// What a ranked question allocates once its words have been seen (its word clauses are scored from postings read out
/// of the index when it was built, so no Lucene query runs for them; 220 KB and 26 KB before; the long messages, which
/// also look for a term named inside them, 95–97 KB before each word was analysed once instead of once per run of
/// words), and that the remembered
/// stems and the pooled score arrays, shared by every thread, change no answer. Allocation on one thread is deterministic,
/// so these bounds hold on a loaded machine where a time would not.
/// </summary>
public sealed class RankedSearchCostTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    private static long BytesPerQuestion(LookupEngine engine, string question)
    {
        engine.LookupUncached(question);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
            engine.LookupUncached(question);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 20;
    }

    [Theory]
    [InlineData("best pizza in town", 12)]
    [InlineData("when the model games the metric instead of doing the task", 16)]
    [InlineData("we argued at lunch about whether the support bot agreeing with every angry customer is a kind of sycophancy or just politeness", 56)]
    [InlineData("my manager keeps saying our eval numbers are fine but i think the model learned to game the benchmark rather than the task", 56)]
    public void A_ranked_question_allocates_at_most(string question, int kilobytes)
    {
        var engine = new LookupEngine(real.Glossary.Terms);
        engine.BuildInBackground().GetAwaiter().GetResult();

        var bytes = BytesPerQuestion(engine, question);

        Assert.True(bytes <= kilobytes * 1024, $"{bytes / 1024} KB for \"{question}\"");
    }

    [Fact]
    public void Questions_asked_on_many_threads_at_once_get_the_answers_they_get_alone()
    {
        string[] questions =
        [
            "best pizza in town", "when the model games the metric instead of doing the task", "models gaming their reward signal",
            "when a model tells people what they want to hear", "a model that hides what it can do during evals", "red teaming an llm",
            "the deploy broke again", "training on human preference comparisons", "what is a sparse autoencoder for",
        ];
        var alone = new LookupEngine(real.Glossary.Terms);
        var expected = questions.Select(q => alone.LookupUncached(q).Ranked.Select(h => (h.Term.Slug, h.Score)).ToList()).ToList();
        var shared = new LookupEngine(real.Glossary.Terms);

        var results = new List<(string Slug, float Score)>[questions.Length * 40];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = shared.LookupUncached(questions[i % questions.Length]).Ranked.Select(h => (h.Term.Slug, h.Score)).ToList());

        for (var i = 0; i < results.Length; i++)
            Assert.Equal(expected[i % questions.Length], results[i]);
    }
}
