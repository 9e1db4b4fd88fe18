using System.Diagnostics;

namespace AlignBot.Tests;

/// <summary>
/// The axe-core accessibility checker (npm package, pinned), installed once with npm into a cache outside the
/// repository (~/.cache/alignbot) and read from there. <see cref="MissingReason"/> says why it cannot be had.
/// </summary>
public static class AxeCore
{
    public const string Version = "4.14.1";

    private static readonly string Folder = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "alignbot", "axe-core-" + Version);

    private static readonly Lazy<Task<string?>> Installed = new(InstallAsync);

    private static string Script => Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Null once axe-core is in the cache; otherwise why not (no npm, or npm failed).</summary>
    public static Task<string?> MissingReason() => Installed.Value;

    public static string Source() => File.ReadAllText(Script);

    private static async Task<string?> InstallAsync()
    {
        if (File.Exists(Script))
            return null;
        var npm = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "npm")).FirstOrDefault(File.Exists);
        if (npm is null)
            return $"no npm on PATH to install axe-core {Version} (apt-get install npm)";
        var staging = Folder + ".part-" + Environment.ProcessId;
        Directory.CreateDirectory(staging);
        string[] install = ["install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", "--loglevel=error", $"axe-core@{Version}"];
        using var process = Process.Start(new ProcessStartInfo(npm, install)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Directory.Delete(staging, recursive: true);
            return $"npm install axe-core@{Version} failed ({process.ExitCode}): {(await errors).Trim()}";
        }
        if (!File.Exists(Script))
            Directory.Move(staging, Folder);
        else
            Directory.Delete(staging, recursive: true);
        return null;
    }
}
