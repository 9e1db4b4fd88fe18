using System.Text;
using System.Text.Json;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Cli;

/// <summary>
/// A workspace's terms as corpus Markdown files (docs/corpus-format.md), ready to propose for the reviewed corpus and
/// written to pass <c>corpus check</c> once placed beside the corpus: the definition is the body and, cut at a sentence
/// within 280 characters, the summary; related terms are those the corpus (or this export) has, topped up to two from
/// the corpus's nearest terms; names another term already has are left out. A term that cannot pass (no source, its name
/// or slug already in the corpus) is not written, and why is returned. Scalars are written as JSON strings, which YAML reads
/// as double-quoted scalars, so no value can break the front matter.
/// </summary>
internal static class TermExport
{
    public const int MaxSummary = 280;

    public static (string? Markdown, string? Skipped, IReadOnlyList<string> Dropped) Write(WorkspaceTerm term, TermGlossary corpus, IReadOnlySet<string> exported,
        string category)
    {
        var draft = term.Draft;
        if (draft.SourceUrl is null)
            return (null, "it has no source: add one (edit it in chat), then export again", []);
        if (corpus.Find(term.Slug) is not null || corpus.Lookup(draft.Name) is { Kind: Glossary.Search.MatchKind.Exact })
            return (null, "the corpus already has a term of that name", []);
        var taken = corpus.Terms.SelectMany(t => t.Aliases.Concat(t.Acronyms).Append(t.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dropped = draft.Aliases.Where(taken.Contains).ToList();
        var aliases = draft.Aliases.Where(a => !taken.Contains(a)).ToList();
        var related = draft.Related.Where(slug => slug != term.Slug && (corpus.Find(slug) is not null || exported.Contains(slug))).ToList();
        foreach (var hit in corpus.Search(draft.Name + " " + draft.Definition, 10))
        {
            if (related.Count >= 2)
                break;
            if (!related.Contains(hit.Term.Slug))
                related.Add(hit.Term.Slug);
        }

        var markdown = new StringBuilder()
            .Append("---\n")
            .Append("term: ").Append(Quote(draft.Name)).Append('\n')
            .Append("aliases: ").Append(JsonSerializer.Serialize(aliases)).Append('\n')
            .Append("acronyms: []\n")
            .Append("category: ").Append(category).Append('\n')
            .Append("related: ").Append(JsonSerializer.Serialize(related.Take(6))).Append('\n')
            .Append("sources:\n")
            .Append("  - title: ").Append(Quote("Source given by the workspace")).Append('\n')
            .Append("    url: ").Append(Quote(draft.SourceUrl)).Append('\n')
            .Append("summary: ").Append(Quote(Summary(draft.Definition))).Append('\n')
            .Append("---\n")
            .Append(draft.Definition).Append('\n');
        return (markdown.ToString(), null, dropped);
    }

    /// <summary>The definition's sentences that fit in <see cref="MaxSummary"/> characters, else its first words that do.</summary>
    public static string Summary(string definition)
    {
        if (definition.Length <= MaxSummary)
            return definition;
        var cut = definition.LastIndexOf(". ", MaxSummary - 1, StringComparison.Ordinal);
        if (cut > 0)
            return definition[..(cut + 1)];
        var space = definition.LastIndexOf(' ', MaxSummary - 2);
        return definition[..(space > 0 ? space : MaxSummary - 1)] + "…";
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, Options);

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
