using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Glossary;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Tests;

/// <summary>Running unattended: corpus edits picked up live, readiness, and a clear exit when the store is down.</summary>
[Collection(nameof(RealTimeWaits))]
public sealed class OperationsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "alignbot-live-corpus-" + Guid.NewGuid().ToString("N"));
    private readonly LogCapture _logs = new();

    public OperationsTests()
    {
        Directory.CreateDirectory(_corpus);
        foreach (var file in Directory.GetFiles(RepoPaths.Corpus, "*.md"))
            File.Copy(file, Path.Combine(_corpus, Path.GetFileName(file)));
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_corpus, recursive: true);
    }

    private WebApplicationFactory<Program> Host() => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        b.UseEnvironment("Testing").UseSetting("Corpus:Path", _corpus).UseSetting("Storage:ConnectionString", _database.ConnectionString)
            .ConfigureTestServices(s => s.AddLogging(l => l.AddProvider(_logs))));

    /// <summary>Polls for up to 30 s: a reload parses and indexes the whole corpus, slower on a loaded machine.</summary>
    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600 && !condition(); i++)
            await Task.Delay(50);
        Assert.True(condition(), what);
    }

    [Fact]
    public async Task Corpus_edit_is_served_without_restart_and_a_broken_edit_keeps_the_previous_index()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var glossary = host.Services.GetRequiredService<TermGlossary>();
        var file = Path.Combine(_corpus, "sycophancy.md");
        var original = await File.ReadAllTextAsync(file);

        await File.WriteAllTextAsync(file, original.Replace("The habit of AI assistants", "The live-edited habit of AI assistants"));
        await WaitUntil(() => glossary.Find("sycophancy")!.Summary.StartsWith("The live-edited habit"), "the edit was not picked up");

        var count = glossary.Count;
        await File.WriteAllTextAsync(Path.Combine(_corpus, "broken.md"), "---\nterm: Broken\ncategory: nonsense\nrelated: [nowhere]\n---\n");
        await WaitUntil(() => _logs.Lines.Any(l => l.Contains("Corpus edit refused; still serving")), "the broken edit was not reported");

        Assert.Equal(count, glossary.Count);
        Assert.StartsWith("The live-edited habit", glossary.Find("sycophancy")!.Summary);
        Assert.Contains(_logs.Lines, l => l.Contains("broken.md: category"));
        Assert.Contains(_logs.Lines, l => l.Contains("broken.md: summary"));
        var answer = JsonNode.Parse(await client.GetStringAsync("/healthz"))!;
        Assert.Equal(count, (int)answer["terms"]!);
    }

    [Fact]
    public async Task Readyz_reports_ready_with_corpus_and_store()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
    }

    [Fact]
    public async Task Readyz_is_503_naming_the_store_when_it_stops_answering_while_healthz_stays_ok()
    {
        var folder = Directory.CreateTempSubdirectory("alignbot-ready-").FullName;
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Testing")
            .UseSetting("Corpus:Path", _corpus).UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(folder, "alignbot.db")}"));
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("not ready", (string?)body["status"]);
        Assert.Equal(["store unreachable"], body["problems"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Bot_tokens_are_encrypted_at_rest_with_a_key_created_beside_the_sqlite_file()
    {
        await using var host = Host();
        var installations = host.Services.GetRequiredService<AlignBot.Chat.Stores.IInstallationStore>();

        await installations.SaveAsync(new AlignBot.Chat.Stores.WorkspaceInstallation("T-rest", null, "Team", "xoxb-at-rest-token", "UBOT", "commands", "U1",
            DateTimeOffset.UtcNow));

        Assert.True(File.Exists(Path.ChangeExtension(_database.File, ".token-key")));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT bot_token FROM installations WHERE team_id = 'T-rest'";
        var stored = (string?)await command.ExecuteScalarAsync();
        Assert.StartsWith("enc:v1:", stored);
        Assert.Equal("xoxb-at-rest-token", (await installations.FindAsync("T-rest"))!.BotToken);
    }

    [Fact]
    public async Task Unreachable_store_at_start_up_is_one_clear_error_and_exit_code_3()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AlignBot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Corpus__Path"] = RepoPaths.Corpus;
        start.Environment["Storage__Provider"] = "postgres";
        start.Environment["Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=secret-password;Timeout=2";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the host did not exit");
        var all = await output + await error;
        Assert.Equal(3, process.ExitCode);
        Assert.Single(all.Split('\n'), l => l.Contains("The store is unavailable at start-up"));
        Assert.DoesNotContain("   at ", all);
        Assert.DoesNotContain("secret-password", all);
    }
}
