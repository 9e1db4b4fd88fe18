using AlignBot.Glossary;

namespace AlignBot.Hosting;

/// <summary>
/// Holds the host's disposal until the sentence model's background work (loading it, encoding the entry vectors) has
/// finished, at most <see cref="Limit"/>: the process must not end while ONNX Runtime's native code runs on another
/// thread, which can crash it (a start-up failure right after the glossary loaded, or a stop during the first encoding).
/// </summary>
internal sealed class SemanticWorkDrain(TermGlossary glossary) : IAsyncDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public async ValueTask DisposeAsync()
    {
        var work = glossary.WhenSemanticWorkEnded();   // failed or cancelled counts as ended
        await Task.WhenAny(work, Task.Delay(Limit));
    }
}
