using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Chat;
using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search;
using AlignBot.Glossary.Search.Semantic;
using AlignBot.Slack;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Benchmarks;

/// <summary>
/// Each stage a signed <c>/align</c> command goes through, alone, for a message of each kind: the signature check, the
/// form, understanding (Slack's text to plain, <see cref="ChatText"/> and <see cref="RequestParser"/>), lexical
/// retrieval, the hybrid lookup as it is today, the sentence model's similarities, the hybrid gate given both, Block Kit
/// rendering and JSON serialization. Lookups are uncached (a message never seen before), as in a mix of distinct messages.
/// </summary>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private const string Secret = "bench-signing-secret-0123456789";

    /// <summary>One message of each kind the mixed load sends (bench/mixed/generate.js).</summary>
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["define"] = "define reward hacking",
        ["question"] = "can someone explain mesa-optimization?",
        ["comparison"] = "difference between rlhf and dpo",
        ["typo"] = "what is sychophancy",
        ["paraphrase"] = "when the model games the metric instead of doing the task",
        ["off-topic"] = "anyone up for lunch at the offsite?",
    };

    private static LookupEngine? _lexical, _hybrid;
    private static IReadOnlyList<Term> _terms = [];
    private byte[] _body = [];
    private string _timestamp = "", _signature = "", _text = "", _lookupText = "";
    private ChatRequest _request = null!;
    private Reply _reply = null!;
    private JsonObject _rendered = null!;
    private LookupResult _lexicalResult = null!;
    private float[] _similarity = [];
    private Dictionary<string, int> _positions = [];
    private readonly SlackRenderer _renderer = new();

    [Params("define", "question", "comparison", "typo", "paraphrase", "off-topic")]
    public string Kind { get; set; } = "define";

    [GlobalSetup]
    public void Setup()
    {
        if (_lexical is null)
        {
            _terms = CorpusLoader.Load(BenchCorpus.RealDirectory()).EnsureValid();
            var semantic = SemanticModel.Shared(Path.Combine(Path.GetTempPath(), "alignbot-bench-semantic"), NullLogger.Instance);
            _lexical = new LookupEngine(_terms);
            _hybrid = new LookupEngine(_terms, semantic.VectorsFor(_terms));
            _lexical.BuildInBackground().GetAwaiter().GetResult();
            _hybrid.BuildInBackground().GetAwaiter().GetResult();
            _hybrid.Vectors!.GetAwaiter().GetResult();
        }
        _positions = _terms.Select((t, i) => (t.Slug, i)).ToDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);

        _text = Messages[Kind];
        _body = Encoding.UTF8.GetBytes(new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = "x", ["team_id"] = "T0BENCH", ["channel_id"] = "C0BENCH", ["user_id"] = "U0001", ["command"] = "/align",
            ["text"] = _text, ["response_url"] = "https://hooks.slack.com/commands/T0BENCH/1/x", ["trigger_id"] = "16.1.59f088713f40a390",
        }).ReadAsStringAsync().GetAwaiter().GetResult());
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _signature = SlackSignature.Compute(Secret, _timestamp, _body);
        _request = new ChatRequest(Platform.Slack, SlackText.ToPlain(_text), new ChatUser("U0001"), new ChatPlace("T0BENCH", "C0BENCH"));
        _lookupText = RequestParser.Parse(_request) switch
        {
            Intent.Define define => define.Subject,
            Intent.Question question => question.Text,
            var other => throw new InvalidOperationException($"{Kind} parsed as {other}"),
        };
        _reply = new Bot(new TermGlossary(_terms)).AnswerAtOnce(_request)!.Reply;
        _rendered = _renderer.Respond(_reply, SlackCard.Private, SlackPlacement.Ephemeral);
        _lexicalResult = _lexical!.LookupUncached(_lookupText);
        _similarity = _hybrid!.Vectors!.Result.Similarities(_lookupText);
        Console.WriteLine($"// {Kind} '{_text}': {_reply.GetType().Name}, lexical {_lexicalResult.Kind}, hybrid {_hybrid.LookupUncached(_lookupText).Kind}");
    }

    [Benchmark]
    public SignatureVerdict Verify() =>
        SlackSignature.Check(Secret, _timestamp, _signature, _body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

    [Benchmark]
    public object? ParseForm()
    {
        var form = SlackForm.Parse(_body);
        return SlashCommand.TryParse(name => form[name], out _);
    }

    [Benchmark]
    public Intent Understand() => RequestParser.Parse(_request with { Text = SlackText.ToPlain(_text) });

    [Benchmark]
    public LookupResult LexicalLookup() => _lexical!.LookupUncached(_lookupText);

    [Benchmark]
    public LookupResult HybridLookup() => _hybrid!.LookupUncached(_lookupText);

    /// <summary>The model's part of the hybrid lookup: encode the message and compare it with every entry.</summary>
    [Benchmark]
    public float[] Similarities() => _hybrid!.Vectors!.Result.Similarities(_lookupText);

    [Benchmark]
    public LookupResult Gate() =>
        HybridGate.Decide(_lexicalResult, _similarity, t => _positions[t.Slug], _terms, GlossaryIndex.Words(_lexicalResult.Subject).Count);

    [Benchmark]
    public JsonObject Render() => _renderer.Respond(_reply, SlackCard.Private, SlackPlacement.Ephemeral);

    [Benchmark]
    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(_rendered, SlackJson.Options);
}
