using System.Diagnostics;

namespace AlignBot.Tests;

/// <summary>
/// The real AlignBot executable on a free loopback port (Development: the playground is on), for a real browser to
/// talk to. Killed with its process tree on dispose; its output is kept for failure messages.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private HostProcess(ChildProcess process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Output => _process.Output;

    /// <summary>Starts the host; <paramref name="settings"/> are environment variables on top (<c>Slack__SigningSecret</c>, say).</summary>
    public static async Task<HostProcess> StartAsync(params (string Key, string Value)[] settings)
    {
        var baseUrl = $"http://127.0.0.1:{ChildProcess.FreeLoopbackPort()}";
        var process = ChildProcess.Start("host", "dotnet", (start, folder) => Configure(start, folder, baseUrl, settings));
        var host = new HostProcess(process, baseUrl);
        if (await process.AnswersAsync(baseUrl + "/healthz", TimeSpan.FromSeconds(30)))
            return host;
        await host.DisposeAsync();
        throw new InvalidOperationException("AlignBot did not start:\n" + host.Output);
    }

    private static void Configure(ProcessStartInfo start, string folder, string baseUrl, (string Key, string Value)[] settings)
    {
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AlignBot.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = baseUrl;
        start.Environment["Corpus__Path"] = RepoPaths.Corpus;
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "alignbot.db")}";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; false if it has not after ten seconds.</summary>
    public Task<bool> WaitForOutputAsync(string text) => _process.WaitForOutputAsync(text);

    /// <summary>Sends SIGTERM, as a service manager does to stop it.</summary>
    public void Terminate() => _process.Terminate();

    /// <summary>The exit code once the host has exited; null if it still runs after <paramref name="timeout"/>.</summary>
    public Task<int?> ExitCodeAsync(TimeSpan timeout) => _process.ExitCodeAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
