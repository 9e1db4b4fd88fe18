using Lucene.Net.Util;

namespace AlignBot.Glossary.Analysis;

/// <summary>The one Lucene version constant every analyzer and index config uses.</summary>
internal static class LuceneDefaults
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
