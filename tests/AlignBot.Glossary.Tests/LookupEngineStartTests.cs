using AlignBot.Glossary.Search;

namespace AlignBot.Glossary.Tests;

/// <summary>What a question needs at start-up: exact names answer before the search index exists; the rest builds it.</summary>
public sealed class LookupEngineStartTests(RealGlossary real) : IClassFixture<RealGlossary>
{
    [Fact]
    public void Exact_names_answer_without_the_index_and_the_first_paraphrase_builds_it()
    {
        var engine = new LookupEngine(real.Glossary.Terms);

        var exact = engine.Lookup("define sycophancy");
        var built = engine.IndexBuilt;
        var paraphrase = engine.Lookup("when a model tells people what they want to hear");

        Assert.Equal(("sycophancy", MatchKind.Exact), (exact.Answer?.Slug, exact.Kind));
        Assert.False(built);
        Assert.True(engine.IndexBuilt);
        Assert.Equal("sycophancy", paraphrase.Answer?.Slug);
    }

    [Fact]
    public async Task Background_build_and_a_question_that_arrives_meanwhile_share_one_index()
    {
        var engine = new LookupEngine(real.Glossary.Terms);

        var building = engine.BuildInBackground();
        var answer = engine.Lookup("models gaming their reward signal");
        await building;

        Assert.True(engine.IndexBuilt);
        Assert.Equal("reward-hacking", answer.Answer?.Slug);
    }
}
