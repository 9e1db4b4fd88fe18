using AlignBot.Glossary;
using AlignBot.Glossary.Corpus;
using AlignBot.Glossary.Search.Semantic;
using Microsoft.Extensions.Options;

namespace AlignBot.Hosting;

/// <summary>Registers the glossary with the host: the corpus, its index and watcher, and the sentence model when on.</summary>
public static class GlossaryHosting
{
    public static WebApplicationBuilder AddGlossary(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (options.Path.Length == 0 && environment.IsDevelopment() && CorpusOptions.SourceDirectory() is { } source)
                    options.Path = source;
            });
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        builder.Services.AddHostedService<CorpusWatcher>();
        builder.Services.AddSingleton<SemanticWorkDrain>();
        builder.Services.AddSingleton(services =>
        {
            var directory = services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolveDirectory();
            var corpus = CorpusLoader.Load(directory);
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("AlignBot.Glossary");
            foreach (var warning in corpus.Warnings)
                log.CorpusWarning(warning.ToString());
            var search = services.GetRequiredService<IOptions<SearchOptions>>().Value;
            var semantic = search.Semantic
                ? SemanticModel.Shared(search.ResolveDataPath(services.GetRequiredService<IHostEnvironment>().ContentRootPath), log,
                    startAfter: ServingFor(services.GetRequiredService<IHostApplicationLifetime>(), ModelLoadDelay))
                : null;
            var glossary = new TermGlossary(corpus.EnsureValid(), semantic);
            log.CorpusLoaded(glossary.Count, directory);
            return glossary;
        });
        return builder;
    }

    /// <summary>How long after the host starts serving the sentence model begins to load: its first answers are not slowed.</summary>
    private static readonly TimeSpan ModelLoadDelay = TimeSpan.FromSeconds(1);

    /// <summary>Completes <paramref name="delay"/> after the host has started; cancelled if it stops first (or never starts).</summary>
    private static Task ServingFor(IHostApplicationLifetime lifetime, TimeSpan delay)
    {
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => _ = Task.Delay(delay, lifetime.ApplicationStopping)
            .ContinueWith(t => serving.TrySetResult(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
        lifetime.ApplicationStopping.Register(() => serving.TrySetCanceled());
        return serving.Task;
    }

    /// <summary>
    /// Loads the corpus before the host accepts requests, so a broken corpus fails the start-up; the drain resolved
    /// with it makes the host's disposal wait for the sentence model's background work.
    /// </summary>
    public static WebApplication LoadGlossary(this WebApplication app)
    {
        app.Services.GetRequiredService<SemanticWorkDrain>();
        return app;
    }
}
