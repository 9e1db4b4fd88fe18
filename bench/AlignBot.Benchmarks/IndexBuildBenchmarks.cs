using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search;
using BenchmarkDotNet.Attributes;

namespace AlignBot.Benchmarks;

/// <summary>
/// Start-up cost: reading and validating the corpus files, getting ready for exact names (what the first questions
/// need), and building the whole in-memory index (which happens in the background meanwhile).
/// </summary>
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

    [Benchmark(Description = "ready for names: exact keys, real corpus")]
    public object? ReadyForNames() => new LookupEngine(_real).Lookup("RLHF").Answer;

    [Benchmark(Description = "index real corpus (full build)")]
    public int IndexReal() => Built(_real);

    [Benchmark(Description = "index 100k generated terms (full build)")]
    public int IndexGenerated() => Built(_generated);

    /// <summary>An engine with its background build finished: the whole cost, not just the time to the first name.</summary>
    private static int Built(IReadOnlyList<Term> terms)
    {
        var engine = new LookupEngine(terms);
        engine.BuildInBackground().GetAwaiter().GetResult();
        return terms.Count;
    }
}
