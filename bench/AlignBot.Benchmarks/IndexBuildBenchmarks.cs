using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using BenchmarkDotNet.Attributes;

namespace AlignBot.Benchmarks;

/// <summary>Start-up cost: reading and validating the corpus files, and building the in-memory index.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class IndexBuildBenchmarks
{
    private IReadOnlyList<Term> _real = [];
    private IReadOnlyList<Term> _generated = [];

    [GlobalSetup]
    public void Setup()
    {
        _real = CorpusLoader.Load(BenchCorpus.RealDirectory()).EnsureValid();
        _generated = BenchCorpus.Generated(100_000, _real);
    }

    [Benchmark(Description = "load + validate real corpus files")]
    public int LoadRealCorpus() => CorpusLoader.Load(BenchCorpus.RealDirectory()).Terms.Count;

    [Benchmark(Description = "index real corpus")]
    public int IndexReal() => new TermGlossary(_real).Count;

    [Benchmark(Description = "index 100k generated terms")]
    public int IndexGenerated() => new TermGlossary(_generated).Count;
}
