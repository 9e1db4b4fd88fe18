using System.Diagnostics;
using System.Reflection;
using AlignBot.Glossary.Corpus;
using AlignBot.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Tests;

/// <summary>Development follows the source: the repository's corpus is served, and <c>dotnet run</c> keeps the shell's working directory.</summary>
public sealed class DevelopmentTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly LogCapture _logs = new();

    public void Dispose() => _database.Dispose();

    private WebApplicationFactory<Program> Host(string environment) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        b.UseEnvironment(environment).UseSetting("Storage:ConnectionString", _database.ConnectionString)
            .ConfigureTestServices(s => s.AddLogging(l => l.AddProvider(_logs))));

    [Fact]
    public async Task Development_serves_the_repository_corpus_not_the_copy_beside_the_program()
    {
        await using var host = Host("Development");
        using var client = host.CreateClient();

        Assert.Equal(RepoPaths.Corpus, host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolveDirectory());
        Assert.Contains(_logs.Lines, l => l.Contains($"Loaded {CorpusLoader.Load(RepoPaths.Corpus).Terms.Count} terms from {RepoPaths.Corpus}"));
    }

    [Fact]
    public async Task Outside_Development_the_copy_beside_the_program_is_served()
    {
        await using var host = Host("Production");
        using var client = host.CreateClient();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "corpus", "terms"),
            host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.ResolveDirectory());
    }

    [Fact]
    public async Task Dotnet_run_starts_the_program_in_the_shells_working_directory()
    {
        var shell = Directory.CreateTempSubdirectory("alignbot-shell-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet",
                ["msbuild", Path.Combine(RepoPaths.Root, "src", "AlignBot", "AlignBot.csproj"), "-getProperty:RunWorkingDirectory"])
            {
                RedirectStandardOutput = true,
                WorkingDirectory = shell,
            };
            using var msbuild = Process.Start(start)!;
            var output = await msbuild.StandardOutput.ReadToEndAsync();
            await msbuild.WaitForExitAsync();

            // Empty: `dotnet run` leaves the working directory alone (the Web SDK's default would be src/AlignBot).
            Assert.Equal(0, msbuild.ExitCode);
            Assert.Equal("", output.Trim());
        }
        finally
        {
            Directory.Delete(shell);
        }
    }

    [Fact]
    public async Task Development_reads_dotnet_user_secrets()
    {
        var id = typeof(Program).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId;
        var appData = Directory.CreateTempSubdirectory("alignbot-appdata-").FullName;
        try
        {
            var secrets = Directory.CreateDirectory(Path.Combine(appData, "Microsoft", "UserSecrets", id)).FullName;
            await File.WriteAllTextAsync(Path.Combine(secrets, "secrets.json"), """{ "Slack:SigningSecret": "user-secrets-signing-secret-0123" }""");

            await using var host = await HostProcess.StartAsync(("APPDATA", appData));

            Assert.True(await host.WaitForOutputAsync("Slack is on"), host.Output);
        }
        finally
        {
            Directory.Delete(appData, recursive: true);
        }
    }

    [Fact]
    public void Readme_shows_the_release_build_before_running_its_output()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        var build = readme.IndexOf("dotnet build -c Release", StringComparison.Ordinal);
        Assert.InRange(build, 0, readme.IndexOf("bin/Release/net10.0/AlignBot.dll", StringComparison.Ordinal));
    }
}
