using AlignBot.Glossary.Search;
using AlignBot.Glossary.Search.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Glossary.Tests;

/// <summary>
/// The sentence model path: vectors reused across restarts, lexical answers before it is ready, hostile input. One model
/// per test process (<see cref="SemanticModel.Shared"/>), kept in the temporary folder between runs.
/// </summary>
public sealed class SemanticSearchTests(RealGlossary real)
    : IClassFixture<RealGlossary>
{
    private static readonly SemanticModel Model = SemanticModel.Shared(Path.Combine(Path.GetTempPath(), "alignbot-test-search"), NullLogger.Instance);

    [Fact]
    public async Task Entry_vectors_are_reused_after_a_restart()
    {
        var (model, _) = await Model.Loaded;
        var file = Path.Combine(Path.GetTempPath(), $"alignbot-vectors-{Guid.NewGuid():N}.bin");
        try
        {
            var terms = real.Glossary.Terms.Take(3).ToList();
            var texts = terms.Sum(t => EntryVectors.Texts(t).Distinct().Count());

            var before = model.Encoded;
            var first = EntryVectors.Build(terms, model, new VectorCache(file, NullLogger.Instance));
            Assert.Equal(texts, model.Encoded - before);

            before = model.Encoded;
            var restarted = EntryVectors.Build(terms, model, new VectorCache(file, NullLogger.Instance));   // a new process reads the file
            Assert.Equal(0, model.Encoded - before);
            Assert.Equal(first.Similarities("reward hacking"), restarted.Similarities("reward hacking"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_cache_that_cannot_be_written_keeps_vectors_in_memory()
    {
        var (model, _) = await Model.Loaded;
        var cache = new VectorCache("/proc/alignbot-not-writable/entry-vectors.bin", NullLogger.Instance);

        EntryVectors.Build(real.Glossary.Terms.Take(1).ToList(), model, cache);

        Assert.True(cache.Count > 0);
    }

    [Fact]
    public void Lookups_are_lexical_until_the_entry_vectors_are_ready()
    {
        var pending = new TaskCompletionSource<EntryVectors>();
        var waiting = new LookupEngine(real.Glossary.Terms, pending.Task);
        var lexical = new LookupEngine(real.Glossary.Terms);
        const string question = "ai that is way smarter than the smartest humans at basically everything";

        var answer = waiting.Lookup(question);

        Assert.False(waiting.SemanticReady);
        Assert.Equal(lexical.Lookup(question).Kind, answer.Kind);
        Assert.Equal(lexical.Lookup(question).Answer?.Slug, answer.Answer?.Slug);
    }

    [Fact]
    public async Task The_sentence_model_finds_a_description_lexical_search_misses()
    {
        var glossary = new TermGlossary(real.Glossary.Terms, Model);
        await glossary.WhenSemanticReady();
        const string question = "ai that is way smarter than the smartest humans at basically everything";

        Assert.Null(real.Glossary.Lookup(question).Answer);
        var hybrid = glossary.Lookup(question);
        Assert.Equal((MatchKind.Similar, "superintelligence"), (hybrid.Kind, hybrid.Answer?.Slug));
    }

    [Fact]
    public async Task The_sentence_model_does_not_answer_a_question_lexical_search_found_uncovered()
    {
        var glossary = new TermGlossary(real.Glossary.Terms, Model);
        await glossary.WhenSemanticReady();
        const string question = "knowledge distillation eli5";   // the model agrees with the lexical first, Iterated amplification

        var hybrid = glossary.Lookup(question);

        Assert.Equal((MatchKind.None, true), (hybrid.Kind, hybrid.Uncovered));
        Assert.Contains(hybrid.DidYouMean, t => t.Slug == "iterated-amplification");
    }

    [Theory]
    [InlineData("mixture of experts", "sandwiching")]
    [InlineData("neural architecture search", "mesa-optimization")]
    public async Task The_sentence_model_agreeing_weakly_does_not_answer_a_short_question(string question, string closest)
    {
        var glossary = new TermGlossary(real.Glossary.Terms, Model);
        await glossary.WhenSemanticReady();

        var hybrid = glossary.Lookup(question);

        Assert.Equal(MatchKind.None, hybrid.Kind);
        Assert.Contains(hybrid.DidYouMean, t => t.Slug == closest);
    }

    [Fact]
    public async Task The_sentence_model_agreeing_strongly_answers_a_short_question()
    {
        var glossary = new TermGlossary(real.Glossary.Terms, Model);
        await glossary.WhenSemanticReady();

        var hybrid = glossary.Lookup("whatcha call reward hackign");

        Assert.Equal((MatchKind.Similar, "reward-hacking"), (hybrid.Kind, hybrid.Answer?.Slug));
    }

    [Fact]
    public async Task A_ranked_answer_the_model_places_clearly_behind_another_term_is_withdrawn()
    {
        var glossary = new TermGlossary(real.Glossary.Terms, Model);
        await glossary.WhenSemanticReady();
        const string question = "model gets really good on the training data but bad on new data";   // overfitting

        Assert.Equal("inner-alignment", real.Glossary.Lookup(question).Answer?.Slug);
        var hybrid = glossary.Lookup(question);
        Assert.Equal(MatchKind.None, hybrid.Kind);
        Assert.Contains(hybrid.DidYouMean, t => t.Slug == "inner-alignment");
    }

    [Theory]
    [InlineData("sleeper agnets study whats the takeaway", "sleeper-agents")]
    [InlineData("that sleeper agnets result everyone cites", "sleeper-agents")]
    [InlineData("model organsims paper whats the point", "model-organisms")]
    [InlineData("reward hakcing examples whats the gist", "reward-hacking")]
    [InlineData("constitutonal ai paper whats the gist", "constitutional-ai")]
    public async Task The_sentence_model_reads_a_sentence_with_its_misspelt_names_repaired(string question, string slug)
    {
        var glossary = new TermGlossary(real.Glossary.Terms, Model);
        await glossary.WhenSemanticReady();

        Assert.Null(real.Glossary.Lookup(question).Answer);
        Assert.Equal(slug, glossary.Lookup(question).Answer?.Slug);
    }

    [Fact]
    public void Without_the_model_search_is_lexical_and_ready_at_once()
    {
        Assert.False(real.Glossary.SemanticReady);
        Assert.True(real.Glossary.WhenSemanticReady().IsCompletedSuccessfully);
    }

    public static TheoryData<string> Hostile => [
        string.Concat(Enumerable.Repeat("😀🔥👍🏽", 1_000)),
        "what is ✨ مواءمة الذكاء الاصطناعي ✨ 人工智能对齐 выравнивание ИИ אישור RLHF?",
        "\u202Ereward hacking\u202C \u200F\u200B\0\uFFFD\uD800",
        string.Concat(Enumerable.Repeat("supercalifragilistic", 600)),
        "?!?!?!...,,,;;;",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_text_goes_through_the_sentence_model_without_an_exception(string text)
    {
        var glossary = new TermGlossary(real.Glossary.Terms, Model);
        await glossary.WhenSemanticReady();
        var (model, _) = await Model.Loaded;

        Assert.Equal(SentenceModel.Dimensions, model.Encode(text).Length);
        _ = glossary.Lookup(text);
    }
}
