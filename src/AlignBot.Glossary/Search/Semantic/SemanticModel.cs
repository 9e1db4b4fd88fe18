using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// The sentence model and its vector cache for one data folder, loaded once per process on the thread pool and shared
/// by every glossary (and every test host) that asks for the same folder. Until it has loaded, and for a corpus until
/// its entry vectors are ready, lookups are lexical only; a model that fails to load is logged and search stays lexical.
/// A host passes a signal to start after (it has started serving), so the load does not compete with its start-up;
/// a signal cancelled first (the host stopped) means no load, and the next host asking for the folder starts anew.
/// </summary>
public sealed class SemanticModel
{
    private static readonly ConcurrentDictionary<string, SemanticModel> ByFolder = new(StringComparer.Ordinal);

    private readonly Task<(SentenceModel Model, VectorCache Cache)> _loaded;

    private SemanticModel(string folder, ILogger log, Task startAfter)
    {
        _loaded = Task.Run(async () =>
        {
            await startAfter;
            return Load(folder, log);
        });
        _loaded.ContinueWith(t => log.ModelLoadFailed(t.Exception!.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// The process's model for <paramref name="folder"/> (where the model file and the entry vectors are kept), loading
    /// in the background from the first call, or once <paramref name="startAfter"/> completes.
    /// </summary>
    public static SemanticModel Shared(string folder, ILogger log, Task? startAfter = null) =>
        ByFolder.AddOrUpdate(Path.GetFullPath(folder),
            full => new SemanticModel(full, log, startAfter ?? Task.CompletedTask),
            (full, existing) => existing._loaded.IsCanceled ? new SemanticModel(full, log, startAfter ?? Task.CompletedTask) : existing);

    /// <summary>Completes when the model has loaded (or failed to).</summary>
    public Task WhenLoaded => _loaded;

    /// <summary>The loaded model and its cache (tests of what is reused from the cache).</summary>
    internal Task<(SentenceModel Model, VectorCache Cache)> Loaded => _loaded;

    /// <summary>The corpus's entry vectors, built once the model is loaded, encoding only texts not in the cache.</summary>
    internal Task<EntryVectors> VectorsFor(IReadOnlyList<Term> terms) =>
        _loaded.ContinueWith(t => EntryVectors.Build(terms, t.Result.Model, t.Result.Cache),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    private static (SentenceModel, VectorCache) Load(string folder, ILogger log)
    {
        var start = TimeProvider.System.GetTimestamp();
        string modelFile;
        try
        {
            modelFile = MiniLmPackage.ModelFile(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only data folder: the model goes to the temporary folder instead, the vectors stay in memory.
            log.ModelFolderReadOnly(folder, ex.Message);
            var model = new SentenceModel(MiniLmPackage.ModelFile(Path.Combine(Path.GetTempPath(), "alignbot-model")), MiniLmPackage.Tokenizer());
            return (model, new VectorCache(null, log));
        }
        var loaded = new SentenceModel(modelFile, MiniLmPackage.Tokenizer());
        var cache = new VectorCache(Path.Combine(folder, "entry-vectors.bin"), log);
        var elapsed = TimeProvider.System.GetElapsedTime(start);
        log.ModelLoaded(elapsed.TotalMilliseconds, cache.Count);
        return (loaded, cache);
    }
}
