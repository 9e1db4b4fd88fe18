using AlignBot.Glossary.Search.Semantic;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;

namespace AlignBot.Benchmarks;

/// <summary>
/// Whether encoding chat messages together (one ONNX Runtime call over a padded batch) is cheaper than one call a message,
/// as issue 16 suggested trying: the same 16 messages of the kind that reach the sentence model in the mixed workload,
/// through the int8 model the host runs, one at a time or in batches of <see cref="Batch"/> (padded to the longest, with
/// the attention mask). One invocation encodes all 16; divide the mean by 16 for a message. Its own session, configured
/// as <see cref="SentenceModel"/>'s (one thread, no arena).
/// </summary>
[MemoryDiagnoser]
public class ModelBatchBenchmarks
{
    private static readonly string[] Messages =
    [
        "can an ai learn what humans care about instead of us writing it all down",
        "the thing where the learned score stands in for human judgment",
        "auditing game where teams uncovered a secretly trained hidden objective",
        "aligning models far smarter than anyone who could check their work",
        "wait what is model organisms research again",
        "term for techniques making a targeted change to what a trained model knows",
        "reminder: deploy at noon",
        "best wifi near the office",
        "when the model games the metric instead of doing the task",
        "ai that is way smarter than the smartest humans at basically everything",
        "is there a word for a model that only behaves while it is being watched",
        "our assistant agrees with whatever the user says even when it is wrong",
        "how do you check a model that is smarter than the people grading it",
        "alignment gap explained",
        "anyone up for lunch after the meeting?",
        "what do we call it when fine-tuning undoes the safety training",
    ];

    private InferenceSession _session = null!;
    private long[][] _tokens = null!;
    private bool _takesTokenTypes;

    [Params(1, 4, 8, 16)]
    public int Batch { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alignbot-bench-semantic");
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(MiniLmPackage.ModelFile(folder), options);
        _takesTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        var tokenizer = MiniLmPackage.Tokenizer();
        _tokens = [.. Messages.Select(m => tokenizer.Encode(m, SentenceModel.MaxTokens).Select(id => (long)id).ToArray())];
        Console.WriteLine($"// tokens per message: {string.Join(' ', _tokens.Select(t => t.Length))}");
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    /// <summary>All 16 messages, <see cref="Batch"/> to a call; returns a checksum of the first output so nothing is skipped.</summary>
    [Benchmark]
    public float EncodeAll()
    {
        var sum = 0f;
        for (var start = 0; start < _tokens.Length; start += Batch)
            sum += Run(_tokens.AsSpan(start, Math.Min(Batch, _tokens.Length - start)));
        return sum;
    }

    private float Run(ReadOnlySpan<long[]> batch)
    {
        var width = 0;
        foreach (var tokens in batch)
            width = Math.Max(width, tokens.Length);
        var ids = new long[batch.Length * width];
        var mask = new long[batch.Length * width];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i].CopyTo(ids, i * width);
            mask.AsSpan(i * width, batch[i].Length).Fill(1);
        }
        var shape = new long[] { batch.Length, width };
        using var idValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idValue, ["attention_mask"] = maskValue };
        if (_takesTokenTypes)
            inputs["token_type_ids"] = typeValue;
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>()[0];
    }
}
