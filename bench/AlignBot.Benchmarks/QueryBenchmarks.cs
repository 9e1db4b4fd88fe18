using AlignBot.Glossary;
using AlignBot.Glossary.Search;
using AlignBot.Glossary.Corpus;
using BenchmarkDotNet.Attributes;

namespace AlignBot.Benchmarks;

/// <summary>
/// One question, uncached (a question never asked before), uncached in new words (nor any of its words) and cached
/// (a repeated one), on the real corpus and on
/// 100,000 generated terms. The kinds follow the paths of the lookup: exact name, question phrasing, paraphrase
/// (ranked search), typo (spelling repair), off-topic (ranked search ending in "no definition").
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private LookupEngine _engine = null!;

    [Params("real", "100k")]
    public string Corpus { get; set; } = "real";

    [Params("RLHF", "what is reward hacking?", "AI that flatters the user instead of being accurate", "sychophancy", "best pizza in town")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var real = CorpusLoader.Load(BenchCorpus.RealDirectory()).EnsureValid();
        _engine = new LookupEngine(Corpus == "real" ? real : BenchCorpus.Generated(100_000, real));
        _engine.Lookup(Question);
    }

    [Benchmark(Baseline = true)]
    public object? Uncached() => _engine.LookupUncached(Question).Answer;

    /// <summary>A new question in words never seen before: no remembered stems or word counts either.</summary>
    [Benchmark]
    public object? UncachedNewWords()
    {
        _engine.ForgetWords();
        return _engine.LookupUncached(Question).Answer;
    }

    [Benchmark]
    public object? Cached() => _engine.Lookup(Question).Answer;
}
