using System.Diagnostics;

namespace AlignBot.Tests;

/// <summary>The real AlignBot executable run until it exits by itself, for what only the process shows: exit code and output.</summary>
public static class HostRun
{
    /// <summary>Runs the host (Production unless the settings say otherwise) from a temporary folder with the repository's corpus and a fresh SQLite file.</summary>
    public static async Task<(int ExitCode, string Output)> ToExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("alignbot-run-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AlignBot.dll")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Urls"] = "http://127.0.0.1:0";
            start.Environment["Corpus__Path"] = RepoPaths.Corpus;
            start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "alignbot.db")}";
            foreach (var (key, value) in settings)
                start.Environment[key] = value;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the host did not exit:\n" + await output + await error);
            }
            return (process.ExitCode, await output + await error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
