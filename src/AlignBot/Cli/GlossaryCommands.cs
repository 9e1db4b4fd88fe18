using System.CommandLine;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Cli;

/// <summary>
/// <c>glossary export</c> and <c>glossary import</c>: a workspace's own terms out as corpus Markdown (to propose for the
/// reviewed corpus), and <c>term,definition[,aliases]</c> CSV rows in as approved workspace terms, every bad row reported.
/// </summary>
internal static class GlossaryCommands
{
    /// <summary>Who imported terms are recorded as suggested and approved by.</summary>
    public const string Importer = "import";

    public static Command Create(Func<ParseResult, string> corpusDirectory, TextWriter output, TextWriter error, TimeProvider clock)
    {
        var workspace = new Option<string>("--workspace") { Required = true, Description = "the workspace, as platform:id (slack:T0123, teams:<tenant id>, playground:local)" };
        var storage = new Option<string?>("--storage") { Recursive = true, Description = "a SQLite connection string (else Storage:* settings)" };
        var outDir = new Option<string>("--out") { Required = true, Description = "the folder to write <slug>.md files to" };
        var category = new Option<string>("--category") { DefaultValueFactory = _ => "foundations", Description = "the corpus category of the exported terms" };
        var export = new Command("export", "write a workspace's terms as corpus Markdown files") { workspace, outDir, category };
        export.SetAction(parsed => Export(corpusDirectory(parsed), parsed.GetValue(storage), parsed.GetValue(workspace)!, parsed.GetValue(outDir)!,
            parsed.GetValue(category)!, output, error));

        var file = new Argument<string>("file.csv");
        var import = new Command("import", "load term,definition[,aliases] rows as approved workspace terms") { workspace, file };
        import.SetAction(parsed => Import(corpusDirectory(parsed), parsed.GetValue(storage), parsed.GetValue(workspace)!, parsed.GetValue(file)!, output, error,
            clock));
        return new Command("glossary", "a workspace's own terms") { storage, export, import };
    }

    private static WorkspaceKey? Workspace(string id, TextWriter error)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < id.Length - 1 && Enum.TryParse<Chat.Platform>(id[..colon], ignoreCase: true, out var platform)
            && platform is Chat.Platform.Slack or Chat.Platform.Teams or Chat.Platform.Playground)
            return new WorkspaceKey(platform, id[(colon + 1)..]);
        error.WriteLine($"--workspace must be platform:id, e.g. slack:T0123 (not \"{id}\").");
        return null;
    }

    private static int Export(string corpusDirectory, string? storage, string workspaceId, string folder, string category, TextWriter output, TextWriter error)
    {
        if (Workspace(workspaceId, error) is not { } workspace)
            return 2;
        if (!Categories.IsKnown(category))
        {
            error.WriteLine($"--category must be one of {string.Join(", ", Categories.All)}.");
            return 2;
        }
        var corpus = TermGlossary.FromDirectory(corpusDirectory);
        var terms = CliStore.Open(storage).WorkspaceTerms.ListAsync(workspace).GetAwaiter().GetResult();
        Directory.CreateDirectory(folder);
        var exported = terms.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var written = 0;
        foreach (var term in terms)
        {
            var (markdown, skipped, dropped) = TermExport.Write(term, corpus, exported, category);
            if (markdown is null)
            {
                error.WriteLine($"{term.Slug}: not exported: {skipped}");
                continue;
            }
            File.WriteAllText(Path.Combine(folder, term.Slug + ".md"), markdown);
            written++;
            foreach (var name in dropped)
                output.WriteLine($"{term.Slug}: '{name}' left out: another term already has that name");
        }
        output.WriteLine($"{written} of {terms.Count} terms of {workspace} written to {folder}; check them with: AlignBot corpus check --corpus <corpus with them>");
        return written == terms.Count ? 0 : 1;
    }

    private static int Import(string corpusDirectory, string? storage, string workspaceId, string file, TextWriter output, TextWriter error, TimeProvider clock)
    {
        if (Workspace(workspaceId, error) is not { } workspace)
            return 2;
        if (!File.Exists(file))
        {
            error.WriteLine($"No such file: {file}");
            return 1;
        }
        var store = CliStore.Open(storage);
        var scope = new GlossaryScope(TermGlossary.FromDirectory(corpusDirectory),
            new WorkspaceGlossary(workspace, 0, store.WorkspaceTerms.ListAsync(workspace).GetAwaiter().GetResult()));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (imported, bad) = (0, 0);
        using var reader = File.OpenText(file);
        foreach (var row in CsvImport.Read(reader))
        {
            var (draft, problem) = row.Input is { } input ? SuggestionForm.Check(input, scope) : (null, null);
            var reason = row.Error ?? problem?.ErrorList.Select(e => $"{e.Key.ToString().ToLowerInvariant()}: {e.Value}").FirstOrDefault();
            if (draft is not null && !seen.Add(DraftCheck.Slug(draft.Name)))
                reason = $"name: “{draft.Name}” is already an earlier row";
            if (reason is not null || draft is null)
            {
                error.WriteLine($"{file}:{row.Line}: {reason}");
                bad++;
                continue;
            }
            var now = clock.GetUtcNow();
            store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(workspace, DraftCheck.Slug(draft.Name), draft, Importer, Importer, now), TermChange.Imported, Importer, now)
                .GetAwaiter().GetResult();
            imported++;
        }
        output.WriteLine($"{imported} terms imported into {workspace}, {bad} rows refused");
        return bad == 0 ? 0 : 1;
    }
}
