using AlignBot.Glossary;

namespace AlignBot.Chat.Tests;

/// <summary>The glossary built once from the repository's corpus, shared by the tests of a class.</summary>
public sealed class RealGlossary
{
    public TermGlossary Glossary { get; } = TermGlossary.FromDirectory(RepoPaths.Corpus);
}
