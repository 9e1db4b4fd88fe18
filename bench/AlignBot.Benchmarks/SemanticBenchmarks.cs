using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search;
using AlignBot.Glossary.Search.Semantic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Mathematics.OutlierDetection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Benchmarks;

/// <summary>
/// One question through each search path on the real corpus, the sentence model off (<c>lexical</c>) and on
/// (<c>hybrid</c>, entry vectors built), and the model's encoding of one question alone. Every measured iteration is
/// one question (invocation count 1) and no slow one is dropped as an outlier, so the median and p99 columns are those of
/// single questions, not of iteration means. No full collection is forced between iterations (BenchmarkDotNet's default):
/// with one question per iteration it would make every question run just after a full GC, in cold caches, and
/// measured 5–13× slower lexical questions than a warm loop. The questions: a description ranked search answers and the
/// model confirms (it explains too little of the question for <c>HybridGate.MayChange</c> to leave the model out), one
/// that only the model can answer, a sentence with a typo (repaired, then answered with the model), a name that the
/// exact-match gate answers without it, and off-topic chatter (ranked search, then the model, then "no definition").
/// </summary>
[Config(typeof(PerQuestionConfig))]
public class SemanticBenchmarks
{
    /// <summary>Where the model file and the entry vectors are kept between runs (as <c>Search:DataPath</c> does).</summary>
    private static readonly string DataFolder = Path.Combine(Path.GetTempPath(), "alignbot-bench-semantic");

    private LookupEngine _engine = null!;
    private SentenceModel _model = null!;

    [Params("lexical", "hybrid")]
    public string Search { get; set; } = "hybrid";

    [Params("when the model games the metric instead of doing the task", "ai that is way smarter than the smartest humans at basically everything",
        "reward hakcing examples whats the gist", "reward hacking", "best pizza in town")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var real = CorpusLoader.Load(BenchCorpus.RealDirectory()).EnsureValid();
        var semantic = SemanticModel.Shared(DataFolder, NullLogger.Instance);
        _engine = new LookupEngine(real, Search == "hybrid" ? semantic.VectorsFor(real) : null);
        _engine.BuildInBackground().GetAwaiter().GetResult();
        (_engine.Vectors ?? Task.CompletedTask).GetAwaiter().GetResult();
        if (Search == "hybrid" && !_engine.SemanticReady)
            throw new InvalidOperationException("The sentence model did not load.");
        _model = semantic.Loaded.GetAwaiter().GetResult().Model;
        var answer = _engine.LookupUncached(Question);
        Console.WriteLine($"// {Search} '{Question}': {answer.Kind} {answer.Answer?.Name ?? "(none)"}");
    }

    /// <summary>A question asked for the first time: the whole lookup, with the model when it is on and the gate lets it.</summary>
    [Benchmark]
    public object? Question1() => _engine.LookupUncached(Question).Answer;

    /// <summary>The sentence model alone: tokenize, run, pool one question (the same whatever <see cref="Search"/> says).</summary>
    [Benchmark]
    public float[] Encode() => _model.Encode(Question);

    private sealed class PerQuestionConfig : ManualConfig
    {
        public PerQuestionConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(20).WithIterationCount(400).WithOutlierMode(OutlierMode.DontRemove).WithGcForce(false).WithId("per-question"));
            AddColumn(StatisticColumn.Median, new PercentileColumn(99), StatisticColumn.Max);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }

    /// <summary>The given percentile of the measured iterations (here: of single questions).</summary>
    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"P{percentile}";
        public string ColumnName => $"P{percentile}";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 10;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Time;
        public string Legend => $"{percentile}th percentile of single-question times";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null)
                return "NA";
            var nanoseconds = statistics.Percentiles.Percentile(percentile);
            return nanoseconds switch
            {
                >= 1_000_000 => $"{nanoseconds / 1_000_000:0.00} ms",
                >= 1_000 => $"{nanoseconds / 1_000:0.0} μs",
                _ => $"{nanoseconds:0} ns",
            };
        }
    }
}
