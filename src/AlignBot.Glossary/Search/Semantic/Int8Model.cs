using System.Runtime;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// An int8 copy of an ONNX model, made once from the float one: every <c>MatMul</c> whose weight matrix is a constant
/// becomes ONNX Runtime's <c>DynamicQuantizeMatMul</c> (com.microsoft) over that matrix quantized to int8, symmetric,
/// with one scale per output column; the activations are quantized per run by the operator itself. The rest of the
/// graph (embeddings, layer norms, softmax) stays float.
/// </summary>
/// <remarks>
/// Why: the encoding is arithmetic-bound (a batch of texts costs no less per text than one at a time), and int8
/// matrix products run several times faster on CPUs with VNNI. The vectors stay within a cosine of about 0.99 of the
/// float model's, and the evaluation sets answer exactly as with the float model (bench/README.md, "Semantic search").
/// </remarks>
internal static class Int8Model
{
    /// <summary>Names the quantization, so vectors of the float model and of this one are never mixed (<see cref="MiniLmPackage.ModelId"/>).</summary>
    public const string Scheme = "int8-matmul-per-column-symmetric";

    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int8Type = (int)TensorProto.Types.DataType.Int8;
    private const string MicrosoftDomain = "com.microsoft";

    /// <summary>
    /// The int8 copy of <paramref name="floatFile"/> at <paramref name="int8File"/>, written if it is missing or older than
    /// the float file (a new package's model); written to a temporary name and moved, so a crash or a second process
    /// never leaves half a model.
    /// </summary>
    public static string Ensure(string floatFile, string int8File)
    {
        if (File.Exists(int8File) && File.GetLastWriteTimeUtc(int8File) >= File.GetLastWriteTimeUtc(floatFile))
            return int8File;
        Write(floatFile, $"{int8File}.{Environment.ProcessId}.tmp");
        File.Move($"{int8File}.{Environment.ProcessId}.tmp", int8File, overwrite: true);
        // The float model parsed into managed memory (~90 MB of large objects) is garbage now; collected and compacted
        // here, once, it is given back before ONNX Runtime loads the int8 copy, instead of adding to the first start's
        // peak (measured: 515 MB resident without this, against a 512 MiB container limit in deploy/).
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        return int8File;
    }

    private static void Write(string floatFile, string file)
    {
        var model = ModelProto.Parser.ParseFromFile(floatFile);
        Quantize(model);
        using var output = File.Create(file);
        model.WriteTo(output);
    }

    /// <summary>Replaces the model's constant-weight <c>MatMul</c>s in place; returns how many.</summary>
    internal static int Quantize(ModelProto model)
    {
        var graph = model.Graph;
        var weights = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var replaced = 0;
        foreach (var node in graph.Node)
        {
            if (node is not { OpType: "MatMul", Domain: "" } || !weights.TryGetValue(node.Input[1], out var weight)
                || weight.DataType != FloatType || weight.Dims.Count != 2 || weight.RawData.IsEmpty)
                continue;
            var (values, scales) = QuantizePerColumn(weight);
            var zeroPoints = new byte[scales.Length];
            graph.Initializer.Add(Tensor(weight.Name + "_int8", Int8Type, MemoryMarshal.AsBytes(values.AsSpan()), weight.Dims));
            graph.Initializer.Add(Tensor(weight.Name + "_scale", FloatType, MemoryMarshal.AsBytes(scales.AsSpan()), [scales.Length]));
            graph.Initializer.Add(Tensor(weight.Name + "_zero", Int8Type, zeroPoints, [scales.Length]));
            var input = node.Input[0];
            node.OpType = "DynamicQuantizeMatMul";
            node.Domain = MicrosoftDomain;
            node.Input.Clear();
            node.Input.Add([input, weight.Name + "_int8", weight.Name + "_scale", weight.Name + "_zero"]);
            replaced++;
        }
        var used = graph.Node.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        foreach (var unused in graph.Initializer.Where(i => !used.Contains(i.Name)).ToList())
            graph.Initializer.Remove(unused);
        if (replaced > 0 && model.OpsetImport.All(o => o.Domain != MicrosoftDomain))
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        return replaced;
    }

    /// <summary>A [rows × columns] float matrix as int8, each column scaled so its largest magnitude is 127.</summary>
    private static (sbyte[] Values, float[] Scales) QuantizePerColumn(TensorProto weight)
    {
        int rows = (int)weight.Dims[0], columns = (int)weight.Dims[1];
        var floats = MemoryMarshal.Cast<byte, float>(weight.RawData.Span);
        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var largest = 0f;
            for (var r = 0; r < rows; r++)
                largest = Math.Max(largest, Math.Abs(floats[r * columns + c]));
            scales[c] = largest == 0 ? 1 : largest / 127f;
        }
        var values = new sbyte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                values[r * columns + c] = (sbyte)Math.Clamp(MathF.Round(floats[r * columns + c] / scales[c]), -127, 127);
        }
        return (values, scales);
    }

    private static TensorProto Tensor(string name, int dataType, ReadOnlySpan<byte> data, IEnumerable<long> dims)
    {
        var tensor = new TensorProto { Name = name, DataType = dataType, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.Add(dims);
        return tensor;
    }
}
