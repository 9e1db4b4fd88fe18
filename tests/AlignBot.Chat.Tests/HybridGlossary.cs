using AlignBot.Glossary;
using AlignBot.Glossary.Search.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Chat.Tests;

/// <summary>
/// The repository's corpus with the sentence model, ready: one model per test process (<see cref="SemanticModel.Shared"/>),
/// its file and entry vectors kept in the temporary folder between runs.
/// </summary>
public sealed class HybridGlossary
{
    public static readonly string ModelFolder = Path.Combine(Path.GetTempPath(), "alignbot-test-search");

    public HybridGlossary()
    {
        Glossary = TermGlossary.FromDirectory(RepoPaths.Corpus, SemanticModel.Shared(ModelFolder, NullLogger.Instance));
        Glossary.WhenSemanticReady().GetAwaiter().GetResult();
    }

    public TermGlossary Glossary { get; }
}
