using AlignBot.Chat;
using AlignBot.Chat.Stores;
using AlignBot.Cli;
using AlignBot.Storage;

namespace AlignBot.Tests;

/// <summary>
/// <c>glossary import</c> and <c>glossary export</c> on a real SQLite file: CSV rows in as approved workspace terms with
/// every bad row reported by line; a workspace's terms out as Markdown that <c>corpus check</c> accepts beside the corpus.
/// </summary>
public sealed class GlossaryCommandTests : IDisposable
{
    private static readonly WorkspaceKey Workspace = new(Platform.Slack, "T0123");
    private readonly TempDatabase _database = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"alignbot-glossary-{Guid.NewGuid():N}");

    public GlossaryCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunAsync([.. args, "--corpus", RepoPaths.Corpus, "--storage", _database.ConnectionString], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_loads_good_rows_as_approved_terms_and_reports_every_bad_row_by_line()
    {
        var csv = Path.Combine(_folder, "terms.csv");
        await File.WriteAllTextAsync(csv, """
            term,definition,aliases
            Blue team drill,"Our quarterly exercise where the safety team tries to break the release pipeline, on purpose.","BTD; drill"
            Tiny,Too short.
            OnlyAName
            RLHF,"Reinforcement learning from human feedback, as our team uses the words every day at work."
            "Launch gate","The checklist a model passes before any release: evals, red-teaming sign-off and a rollback plan."
            Blue team drill,"The same drill again, listed twice by mistake in the spreadsheet we exported."
            """);

        var (code, output, error) = await Run("glossary", "import", "--workspace", "slack:T0123", csv);

        Assert.Equal(1, code);
        Assert.Contains("2 terms imported into slack:T0123, 4 rows refused", output);
        Assert.Contains("terms.csv:3: definition:", error);
        Assert.Contains("terms.csv:4: expected term,definition[,aliases]", error);
        Assert.True(error.Contains("terms.csv:5: name: “RLHF” is already defined"), error);
        Assert.True(error.Contains("terms.csv:7: name:"), error);
        var terms = await new SqliteDatabase(_database.ConnectionString).WorkspaceTerms.ListAsync(Workspace);
        Assert.Equal(["blue-team-drill", "launch-gate"], terms.Select(t => t.Slug));
        Assert.Equal(["BTD", "drill"], terms[0].Draft.Aliases);
        var history = await new SqliteDatabase(_database.ConnectionString).WorkspaceTerms.HistoryAsync(Workspace, "blue-team-drill");
        Assert.Equal(TermChange.Imported, Assert.Single(history).Change);
    }

    [Fact]
    public async Task Export_writes_files_that_pass_corpus_check_beside_the_corpus_and_skips_what_cannot()
    {
        var store = new SqliteDatabase(_database.ConnectionString);
        var at = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var long_ = string.Join(' ', Enumerable.Repeat("Our quarterly exercise where the safety team tries to break the release pipeline.", 6));
        await store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(Workspace, "blue-team-drill", new TermDraft("Blue team drill \"BTD\"", ["RLHF", "drill: blue"],
            long_, "https://example.org/drill", ["red-teaming", "ghost-slug"]), "U1", "U2", at), TermChange.Approved, "U2", at);
        await store.WorkspaceTerms.SaveAsync(new WorkspaceTerm(Workspace, "no-source", new TermDraft("No source", [],
            "A term someone added without saying where the definition comes from at all.", null, []), "U1", "U2", at), TermChange.Approved, "U2", at);
        var corpus = Path.Combine(_folder, "corpus");
        var terms = Path.Combine(corpus, "terms");
        Directory.CreateDirectory(terms);
        File.Copy(Path.Combine(RepoPaths.Corpus, "..", "required-terms.txt"), Path.Combine(corpus, "required-terms.txt"));
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus, "*.md"))
            File.Copy(file, Path.Combine(terms, Path.GetFileName(file)));

        var (code, output, error) = await Run("glossary", "export", "--workspace", "slack:T0123", "--out", terms);
        var check = new StringWriter();
        var checkCode = await CommandLine.RunAsync(["corpus", "check", "--corpus", terms], check, check);

        Assert.Equal(1, code);
        Assert.Contains("1 of 2 terms of slack:T0123 written", output);
        Assert.Contains("'RLHF' left out", output);
        Assert.Contains("no-source: not exported: it has no source", error);
        Assert.True(checkCode == 0, check.ToString());
        Assert.DoesNotContain("error: blue-team-drill.md", check.ToString());
        var markdown = await File.ReadAllTextAsync(Path.Combine(terms, "blue-team-drill.md"));
        Assert.Contains("term: \"Blue team drill \\\"BTD\\\"\"", markdown);
        Assert.DoesNotContain("ghost-slug", markdown);
    }

    [Fact]
    public async Task A_malformed_workspace_is_a_usage_error()
    {
        var (code, _, error) = await Run("glossary", "export", "--workspace", "T0123", "--out", _folder);

        Assert.Equal(2, code);
        Assert.Contains("platform:id", error);
    }
}
