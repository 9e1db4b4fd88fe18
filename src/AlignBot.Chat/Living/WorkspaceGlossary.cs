using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Chat.Living;

/// <summary>
/// One workspace's own terms as a small searchable glossary of their own, at one glossary version. Searched beside the
/// shared corpus by <see cref="GlossaryScope"/>; never shared with another workspace.
/// </summary>
public sealed class WorkspaceGlossary
{
    /// <summary>The category every workspace term is listed under.</summary>
    public const string Category = "workspace";

    private readonly Dictionary<string, WorkspaceTerm> _bySlug;

    public WorkspaceGlossary(WorkspaceKey workspace, long version, IReadOnlyList<WorkspaceTerm> terms)
    {
        Workspace = workspace;
        Version = version;
        _bySlug = terms.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        Glossary = new TermGlossary([]);
        Glossary.Replace([.. terms.Select(AsTerm)]);   // Replace waits for the index, so the first question is searched in full
    }

    public WorkspaceKey Workspace { get; }

    /// <summary>The store's glossary version these terms were read at.</summary>
    public long Version { get; }

    /// <summary>The workspace's terms as a glossary: exact names, ranked search, typeahead.</summary>
    public TermGlossary Glossary { get; }

    /// <summary>Who suggested and approved the term with this slug, when it is one of this workspace's.</summary>
    public WorkspaceTerm? Origin(string slug) => _bySlug.GetValueOrDefault(slug);

    /// <summary>A workspace term as the search and the renderers see a term: its definition is the summary, its source the one source.</summary>
    public static Term AsTerm(WorkspaceTerm term) => new(
        term.Slug, term.Draft.Name, term.Draft.Aliases, [], Category, term.Draft.Related,
        term.Draft.SourceUrl is { } url ? [new TermSource("Source", url)] : [], term.Draft.Definition, "");
}
