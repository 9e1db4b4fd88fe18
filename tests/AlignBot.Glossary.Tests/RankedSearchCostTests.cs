using AlignBot.Glossary.Search;

namespace AlignBot.Glossary.Tests;

/// <summary>
/// What a ranked question allocates once its words have been seen: the term dictionary lookups of its query are
/// remembered, and a phrase clause with a word its field lacks is left out. Allocation on one thread is deterministic,
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
    [InlineData("best pizza in town", 64)]
    [InlineData("when the model games the metric instead of doing the task", 300)]
    public void A_ranked_question_allocates_at_most(string question, int kilobytes)
    {
        var engine = new LookupEngine(real.Glossary.Terms);
        engine.BuildInBackground().GetAwaiter().GetResult();

        var bytes = BytesPerQuestion(engine, question);

        Assert.True(bytes <= kilobytes * 1024, $"{bytes / 1024} KB for \"{question}\"");
    }
}
