namespace AlignBot.Playground;

/// <summary>Which entry of the navigation a page belongs to, marked with <c>aria-current</c>.</summary>
internal enum WebPageSection
{
    None,
    Playground,
    GlossaryIndex,
    GlossaryTerm,
}
