using AlignBot.Glossary.Search.Semantic;
using Onnx;

namespace AlignBot.Glossary.Tests;

/// <summary>
/// The sentence model runs as an int8 copy of the package's float model: every constant-weight matrix product is
/// quantized, the copy is what <c>MiniLmPackage.ModelFile</c> hands ONNX Runtime, it is written once and again only
/// when the float model changes, without a second serialized model in memory (the first start's peak), and its vectors
/// point where the float model's do.
/// </summary>
public sealed class Int8ModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alignbot-int8-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void The_model_run_is_the_int8_copy_with_every_constant_weight_matmul_quantized()
    {
        var file = MiniLmPackage.ModelFile(_folder);

        var original = ModelProto.Parser.ParseFromFile(MiniLmPackage.FloatModelFile(_folder));
        var quantized = ModelProto.Parser.ParseFromFile(file);
        var constants = original.Graph.Initializer.Select(i => i.Name).ToHashSet();
        var weightedMatMuls = original.Graph.Node.Count(n => n.OpType == "MatMul" && constants.Contains(n.Input[1]));
        Assert.True(weightedMatMuls > 30, $"{weightedMatMuls} constant-weight MatMuls in the float model");
        Assert.Equal(weightedMatMuls, quantized.Graph.Node.Count(n => n.OpType == "DynamicQuantizeMatMul" && n.Domain == "com.microsoft"));
        Assert.DoesNotContain(quantized.Graph.Node, n => n.OpType == "MatMul" && quantized.Graph.Initializer.Any(i => i.Name == n.Input[1]));
        Assert.True(new FileInfo(file).Length < new FileInfo(MiniLmPackage.FloatModelFile(_folder)).Length * 0.7);
    }

    [Fact]
    public void Its_vectors_point_where_the_float_models_do()
    {
        using var int8 = new SentenceModel(MiniLmPackage.ModelFile(_folder), MiniLmPackage.Tokenizer());
        using var float32 = new SentenceModel(MiniLmPackage.FloatModelFile(_folder), MiniLmPackage.Tokenizer());
        string[] texts =
        [
            "when the model games the metric instead of doing the task", "ai that flatters the user instead of being accurate",
            "best pizza in town", "RLHF", "what's the difference between outer and inner alignment?",
            "Reward hacking: an agent exploits flaws in its reward signal to score well without doing what was intended.",
        ];

        foreach (var text in texts)
        {
            var cosine = Cosine(int8.Encode(text), float32.Encode(text));
            Assert.True(cosine >= 0.97f, $"\"{text}\": cosine {cosine} between the int8 and the float model");
        }
        // Different texts stay apart: quantization did not collapse the space.
        Assert.True(Cosine(int8.Encode(texts[0]), int8.Encode(texts[2])) < 0.5f);
    }

    [Fact]
    public void Writing_the_copy_streams_it_instead_of_holding_a_second_serialized_model()
    {
        var floatFile = MiniLmPackage.FloatModelFile(_folder);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Int8Model.Ensure(floatFile, Path.Combine(_folder, "copy.int8.onnx"));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Parsing the float model and the int8 weights take about 205 MB; a serialized copy in memory (59 MB) went above this.
        Assert.True(allocated < new FileInfo(floatFile).Length * 5 / 2, $"{allocated / 1_000_000} MB allocated to write the int8 copy");
    }

    [Fact]
    public void The_copy_is_written_once_and_again_when_the_float_model_is_newer()
    {
        var file = MiniLmPackage.ModelFile(_folder);
        var written = File.GetLastWriteTimeUtc(file);

        Assert.Equal(file, MiniLmPackage.ModelFile(_folder));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));

        File.SetLastWriteTimeUtc(MiniLmPackage.FloatModelFile(_folder), written.AddMinutes(1));   // as a new package's copy would be
        MiniLmPackage.ModelFile(_folder);
        Assert.True(File.GetLastWriteTimeUtc(file) > written, "the int8 copy of an older float model was kept");
    }
}
