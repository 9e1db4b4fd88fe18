using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search;
using AlignBot.Glossary.Search.Semantic;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Benchmarks;

/// <summary>
/// The average search cost of a message as people type them: the first <see cref="Messages"/> messages of the dev split
/// of eval/chat-cases.tsv (questions, descriptions, typos, comparisons, noise, small talk, off-topic chatter), each asked
/// for the first time (<c>LookupUncached</c>), the sentence model off and on. One operation is one message; the
/// setup prints how many of them ran the model.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ChatSetBenchmarks
{
    private const int Messages = 300;

    private static readonly string DataFolder = Path.Combine(Path.GetTempPath(), "alignbot-bench-semantic");

    private LookupEngine _engine = null!;
    private string[] _messages = [];

    [Params("lexical", "hybrid")]
    public string Search { get; set; } = "hybrid";

    [GlobalSetup]
    public void Setup()
    {
        var real = CorpusLoader.Load(BenchCorpus.RealDirectory()).EnsureValid();
        var chatCases = Path.Combine(BenchCorpus.RealDirectory(), "..", "..", "eval", "chat-cases.tsv");
        _messages = File.ReadLines(chatCases)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(columns => columns is [_, _, _, "dev"])
            .Select(columns => columns[0])
            .Take(Messages)
            .ToArray();
        if (_messages.Length != Messages)
            throw new InvalidOperationException($"eval/chat-cases.tsv has {_messages.Length} dev messages, fewer than {Messages}.");
        var semantic = SemanticModel.Shared(DataFolder, NullLogger.Instance);
        _engine = new LookupEngine(real, Search == "hybrid" ? semantic.VectorsFor(real) : null);
        _engine.BuildInBackground().GetAwaiter().GetResult();
        (_engine.Vectors ?? Task.CompletedTask).GetAwaiter().GetResult();
        var before = _engine.SemanticLookups;
        AllMessages();
        Console.WriteLine($"// {Search}: {_engine.SemanticLookups - before} of {Messages} messages ran the sentence model");
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int AllMessages()
    {
        var answered = 0;
        foreach (var message in _messages)
            answered += _engine.LookupUncached(message).Found ? 1 : 0;
        return answered;
    }
}
