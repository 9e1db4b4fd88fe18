namespace AlignBot.Tests;

/// <summary>
/// A host stopped while the sentence model is still encoding the entry vectors waits for that work before the process
/// ends, so it never exits with ONNX Runtime's native code running on another thread. Tested on the real process with a
/// real SIGTERM: <c>WebApplicationFactory</c> disposes a host twice (its own disposal and the entry point's
/// <c>await using</c>, racing), so its disposal can return before the drain that the entry point's disposal waits in.
/// </summary>
[Collection(nameof(SerialProcessRuns))]
public sealed class SemanticWorkDrainTests : IDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("alignbot-semantic-drain-").FullName;

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);

    [Fact]
    public async Task A_stop_during_the_first_encoding_ends_the_process_after_the_entry_vectors_are_saved()
    {
        await using var host = await HostProcess.StartAsync(("Search__Semantic", "true"), ("Search__DataPath", _dataPath));
        var modelFile = Path.Combine(_dataPath, "all-MiniLM-L6-v2.onnx");
        var vectorFile = Path.Combine(_dataPath, "entry-vectors.bin");
        // The model file is moved into place once copied; loading it and encoding the whole corpus take seconds more.
        for (var i = 0; i < 600 && !File.Exists(modelFile); i++)
            await Task.Delay(50);
        Assert.True(File.Exists(modelFile), "the sentence model never started loading:\n" + host.Output);
        Assert.False(File.Exists(vectorFile), "the entry vectors were already saved before the stop, so the test shows nothing");

        host.Terminate();
        var exitCode = await host.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString() ?? "none: still running after 60 s"}:\n{host.Output}");
        Assert.True(File.Exists(vectorFile), "the process ended before the entry vectors it was encoding were saved:\n" + host.Output);
        Assert.Contains("Sentence model loaded", host.Output);
    }
}
