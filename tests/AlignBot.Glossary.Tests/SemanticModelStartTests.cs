using AlignBot.Glossary.Search.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Glossary.Tests;

/// <summary>A host starts the sentence model's load only once it is serving; a host that stops first never loads it.</summary>
public sealed class SemanticModelStartTests : IDisposable
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
}
