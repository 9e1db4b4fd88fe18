using Microsoft.ML.OnnxRuntime;

namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime: a text in, a unit vector of <see cref="Dimensions"/> floats out (mean of the token
/// states, as sentence-transformers pools it). One ONNX session, safe to call from any thread; it is large (~90 MB
/// of weights), so a process holds one (<see cref="SemanticModel"/>).
/// </summary>
internal sealed class SentenceModel : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>Tokens per text, [CLS] and [SEP] included: the model was trained on 128; longer text is cut.</summary>
    public const int MaxTokens = 128;

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly bool _takesTokenTypes;
    private long _encoded;

    public SentenceModel(string modelFile, WordPieceTokenizer tokenizer)
    {
        // One thread per question: the host answers many questions at once on 2 cores, and a 10–30 token input gains
        // nothing from splitting. No arena or memory patterns: they keep peak-sized buffers per input shape.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelFile, options);
        _tokenizer = tokenizer;
        _takesTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
    }

    /// <summary>How many texts this model has encoded (tests of what is reused instead).</summary>
    public long Encoded => Interlocked.Read(ref _encoded);

    public float[] Encode(string text)
    {
        var ids = _tokenizer.Encode(text, MaxTokens);
        var shape = new long[] { 1, ids.Count };
        var tokens = new long[ids.Count];
        var mask = new long[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            tokens[i] = ids[i];
            mask[i] = 1;
        }
        using var tokenValue = OrtValue.CreateTensorValueFromMemory(tokens, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typeValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Count], shape);
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = tokenValue, ["attention_mask"] = maskValue };
        if (_takesTokenTypes)
            inputs["token_type_ids"] = typeValue;
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_session.OutputNames[0]]);
        Interlocked.Increment(ref _encoded);
        return MeanPooled(outputs[0].GetTensorDataAsSpan<float>(), ids.Count);
    }

    /// <summary>The average of the token states, scaled to length 1 (so a dot product is the cosine).</summary>
    private static float[] MeanPooled(ReadOnlySpan<float> states, int tokens)
    {
        var vector = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var state = states.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
                vector[d] += state[d];
        }
        VectorMath.Normalize(vector);
        return vector;
    }

    public void Dispose() => _session.Dispose();
}
