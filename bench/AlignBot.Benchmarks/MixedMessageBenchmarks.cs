using System.Diagnostics;
using System.Text.Json;
using AlignBot.Chat;
using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search.Semantic;
using AlignBot.Slack;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Benchmarks;

/// <summary>
/// What a slash command of the mixed load costs past HTTP and the replay guard: the 20,000 distinct messages of
/// bench/mixed/generate.js (seed 16, written by the setup with <c>--texts</c>, so Node.js is needed), each made plain
/// (<see cref="SlackText"/>), understood and answered by <see cref="Bot"/> with its caches as in the host, then rendered
/// and serialized as the Slack adapter does (one card per term kept, <see cref="SlackAnswerCache.Serialized"/>). The
/// messages are taken in the load's order, round after round, so the bounded lookup cache sees what it sees under load:
/// never a repeat it still holds. One operation is one message.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class MixedMessageBenchmarks
{
    private const int PerInvoke = 20_000;   // a whole round: every invocation sees the same caches

    private string[] _messages = [];
    private int _next;
    private Bot _bot = null!;
    private SlackAnswerCache _cards = null!;
    private readonly SlackRenderer _renderer = new();

    [Params("lexical", "hybrid")]
    public string Search { get; set; } = "lexical";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = BenchCorpus.RealDirectory();
        var root = Path.GetFullPath(Path.Combine(corpus, "..", ".."));
        var texts = Path.Combine(Path.GetTempPath(), $"alignbot-bench-mixed-{Environment.ProcessId}.txt");
        using (var node = Process.Start(new ProcessStartInfo("node", ["bench/mixed/generate.js", texts, "-", "--texts"]) { WorkingDirectory = root })
            ?? throw new InvalidOperationException("node could not be started"))
        {
            node.WaitForExit();
            if (node.ExitCode != 0)
                throw new InvalidOperationException($"bench/mixed/generate.js exited with {node.ExitCode}");
        }
        _messages = File.ReadAllLines(texts);
        File.Delete(texts);

        var terms = CorpusLoader.Load(corpus).EnsureValid();
        var semantic = Search == "hybrid"
            ? SemanticModel.Shared(Path.Combine(Path.GetTempPath(), "alignbot-bench-semantic"), NullLogger.Instance)
            : null;
        var glossary = new TermGlossary(terms, semantic);
        glossary.WhenSemanticReady().GetAwaiter().GetResult();
        _bot = new Bot(glossary);
        _cards = new SlackAnswerCache(glossary);
        var before = glossary.SemanticLookups;
        AnswerMessages();
        Console.WriteLine($"// {Search}: {_messages.Length} messages, {glossary.SemanticLookups - before} ran the sentence model");
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public int AnswerMessages()
    {
        var bytes = 0;
        for (var i = 0; i < PerInvoke; i++)
        {
            var typed = _messages[_next];
            _next = (_next + 1) % _messages.Length;   // the messages hold one round (PerInvoke)
            var request = new ChatRequest(Platform.Slack, SlackText.ToPlain(typed), new ChatUser("U0001"), new ChatPlace("T0BENCH", "C0BENCH"),
                Mentions: SlackText.Mentions(typed));
            var answer = _bot.AnswerAtOnce(request) ?? throw new InvalidOperationException($"'{typed}' is not answered at once");
            bytes += _cards.Serialized(answer.Reply, Serialize).Length;
        }
        return bytes;
    }

    private byte[] Serialize(Reply reply) =>
        JsonSerializer.SerializeToUtf8Bytes(_renderer.Respond(reply, SlackCard.Private, SlackPlacement.Ephemeral), SlackJson.Options);
}
