using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>
/// Picks up edits to the corpus without a restart: a file watcher on the corpus folder, debounced so a save that
/// touches several files reloads once. A valid corpus is swapped in atomically; a broken edit keeps the previous
/// index serving and logs every problem. On by default; <c>Corpus:Watch=false</c> turns it off.
/// </summary>
internal sealed class CorpusWatcher(TermGlossary glossary, IOptions<CorpusOptions> options, IConfiguration configuration, ILogger<CorpusWatcher> log)
    : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);

    private readonly SemaphoreSlim _changed = new(0);
    private FileSystemWatcher? _watcher;
    private string _directory = "";

    /// <summary>
    /// Watches the folder before the host finishes starting: <see cref="BackgroundService"/> runs
    /// <see cref="ExecuteAsync"/> on another thread, so a watcher made there could miss an edit saved right after start.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Corpus:Watch", true))
        {
            _directory = options.Value.ResolveDirectory();
            _watcher = new FileSystemWatcher(_directory, "*.md")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            FileSystemEventHandler signal = (_, _) => _changed.Release();
            _watcher.Changed += signal;
            _watcher.Created += signal;
            _watcher.Deleted += signal;
            _watcher.Renamed += (_, _) => _changed.Release();
            _watcher.EnableRaisingEvents = true;
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_watcher is null)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);
                while (await _changed.WaitAsync(Debounce, stoppingToken))
                {
                    // more events of the same save: keep waiting until the folder is quiet
                }
                Reload(_directory);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
        base.Dispose();
    }

    internal void Reload(string directory)
    {
        var corpus = CorpusLoader.Load(directory);
        if (!corpus.IsValid)
        {
            foreach (var problem in corpus.Errors)
                log.CorpusReloadProblem(problem.ToString());
            log.CorpusReloadRefused(glossary.Count);
            return;
        }
        try
        {
            glossary.Replace(corpus.Terms);
        }
        catch (Exception ex)
        {
            // Only a bug gets here (the corpus validated); the watcher must outlive it, and the old index still serves.
            log.CorpusReloadProblem(ex.ToString());
            log.CorpusReloadRefused(glossary.Count);
            return;
        }
        log.CorpusReloaded(glossary.Count);
    }
}
