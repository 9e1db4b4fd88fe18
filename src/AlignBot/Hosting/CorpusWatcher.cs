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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Corpus:Watch", true))
            return;
        var directory = options.Value.ResolveDirectory();
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(directory, "*.md")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            EnableRaisingEvents = true,
        };
        FileSystemEventHandler signal = (_, _) => changed.Release();
        watcher.Changed += signal;
        watcher.Created += signal;
        watcher.Deleted += signal;
        watcher.Renamed += (_, _) => changed.Release();

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);
                while (await changed.WaitAsync(Debounce, stoppingToken))
                {
                    // more events of the same save: keep waiting until the folder is quiet
                }
                Reload(directory);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
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
