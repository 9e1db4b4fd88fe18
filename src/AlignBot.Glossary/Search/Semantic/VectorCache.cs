using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// Entry vectors kept across restarts: a file of (SHA-256 of model id and text, vector) records, appended to as new
/// texts are encoded, so a restart or a corpus edit encodes only the texts it has not seen. When the file cannot be
/// written (a read-only folder, a full disk) that is logged once and the vectors stay in memory for this process.
/// A damaged or foreign file is read up to the first bad record and then started again.
/// </summary>
internal sealed class VectorCache
{
    private const int KeyBytes = 32;
    private static readonly byte[] Magic = "AlignBot entry vectors v1\n"u8.ToArray();

    private readonly Dictionary<Key, float[]> _vectors = [];
    private readonly List<(Key Key, float[] Vector)> _unsaved = [];
    private readonly string? _file;
    private readonly ILogger _log;
    private readonly Lock _lock = new();
    private bool _writable;

    /// <param name="file">Where the vectors persist; null keeps them in memory only.</param>
    /// <param name="log">Where a cache that cannot be read or saved is reported.</param>
    public VectorCache(string? file, ILogger log)
    {
        _file = file;
        _log = log;
        _writable = file is not null;
        if (file is not null && File.Exists(file))
            Read(file);
    }

    public int Count
    {
        get { lock (_lock) return _vectors.Count; }
    }

    /// <summary>The text's vector under this model, encoded and remembered if it is new (saved by <see cref="Save"/>).</summary>
    public float[] GetOrEncode(string text, SentenceModel model)
    {
        var key = Key.Of(text);
        lock (_lock)
        {
            if (_vectors.TryGetValue(key, out var known))
                return known;
        }
        var vector = model.Encode(text);
        lock (_lock)
        {
            if (_vectors.TryAdd(key, vector))
                _unsaved.Add((key, vector));
        }
        return vector;
    }

    private void Read(string file)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(file));
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                _log.VectorCacheForeign(file);
                File.Delete(file);
                return;
            }
            var record = KeyBytes + SentenceModel.Dimensions * sizeof(float);
            while (reader.BaseStream.Length - reader.BaseStream.Position >= record)
            {
                var key = new Key(reader.ReadBytes(KeyBytes));
                var vector = new float[SentenceModel.Dimensions];
                for (var i = 0; i < vector.Length; i++)
                    vector[i] = reader.ReadSingle();
                _vectors[key] = vector;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.VectorCacheUnreadable(file, ex.Message);
        }
    }

    /// <summary>Appends the vectors encoded since the last save to the file, in one write.</summary>
    public void Save()
    {
        lock (_lock)
        {
            if (_writable && _unsaved.Count > 0)
                Append(_unsaved);
            _unsaved.Clear();
        }
    }

    private void Append(List<(Key Key, float[] Vector)> records)
    {
        try
        {
            var fresh = !File.Exists(_file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file!))!);
            using var writer = new BinaryWriter(new FileStream(_file!, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16));
            if (fresh)
                writer.Write(Magic);
            foreach (var (key, vector) in records)
            {
                writer.Write(key.Bytes);
                foreach (var value in vector)
                    writer.Write(value);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _writable = false;
            _log.VectorCacheNotSaved(_file, ex.Message);
        }
    }

    /// <summary>SHA-256 of the model id and the text: a vector is reused only for the same text under the same model.</summary>
    private readonly struct Key(byte[] bytes) : IEquatable<Key>
    {
        public byte[] Bytes { get; } = bytes;

        public static Key Of(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(MiniLmPackage.ModelId + "\n" + text)));

        public bool Equals(Key other) => Bytes.AsSpan().SequenceEqual(other.Bytes);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => BitConverter.ToInt32(Bytes, 0);
    }
}
