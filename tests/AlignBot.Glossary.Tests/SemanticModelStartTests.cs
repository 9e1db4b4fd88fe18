using AlignBot.Glossary.Search.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Glossary.Tests;

/// <summary>
/// A host starts the sentence model's load only once it is serving; a host that stops first never loads it; and what a
/// stopping host waits for covers every encoding its glossary started.
/// </summary>
public sealed class SemanticModelStartTests(RealGlossary real) : IDisposable, IClassFixture<RealGlossary>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alignbot-model-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_start_signal_cancelled_first_loads_nothing_and_the_next_request_for_the_folder_loads_anew()
    {
        var serving = new TaskCompletionSource();
        var stopped = SemanticModel.Shared(_folder, NullLogger.Instance, serving.Task);

        serving.SetCanceled();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.WhenLoaded);

        Assert.Empty(Directory.GetFiles(_folder));   // the model was never copied out, let alone loaded
        var next = SemanticModel.Shared(_folder, NullLogger.Instance);
        Assert.NotSame(stopped, next);
        await next.WhenLoaded;
        Assert.True(File.Exists(Path.Combine(_folder, "all-MiniLM-L6-v2.onnx")));
    }

    [Fact]
    public async Task The_end_of_semantic_work_covers_the_encoding_of_a_corpus_replaced_before_the_model_loaded()
    {
        var serving = new TaskCompletionSource();
        var model = SemanticModel.Shared(_folder, NullLogger.Instance, serving.Task);
        var terms = real.Glossary.Terms.Take(4).ToList();
        var glossary = new TermGlossary(terms, model);
        var firstEncoding = glossary.WhenSemanticReady();

        glossary.Replace(terms[..3]);   // a corpus edit while the model has not even loaded
        var ended = glossary.WhenSemanticWorkEnded();

        Assert.False(ended.IsCompleted);
        serving.SetResult();
        await ended.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(firstEncoding.IsCompleted, "the replaced corpus's encoding was still running when the work was said to have ended");
        Assert.True(glossary.WhenSemanticReady().IsCompleted);
    }
}
