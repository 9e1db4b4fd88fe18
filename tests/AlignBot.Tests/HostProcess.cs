using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlignBot.Tests;

/// <summary>
/// The real AlignBot executable on a free loopback port (Development: the playground is on), for a real browser to
/// talk to. Killed with its process tree on dispose; its output is kept for failure messages.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly System.Text.StringBuilder _output = new();

    private HostProcess(Process process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Starts the host; <paramref name="settings"/> are environment variables on top (<c>Slack__SigningSecret</c>, say).</summary>
    public static async Task<HostProcess> StartAsync(params (string Key, string Value)[] settings)
    {
        var port = FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "alignbot-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AlignBot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Corpus__Path"] = RepoPaths.Corpus;
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "alignbot.db")}";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        var host = new HostProcess(process, folder, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var i = 0; i < 150; i++)
        {
            try
            {
                if ((await http.GetAsync(host.BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                    return host;
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited)
                break;
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new InvalidOperationException("AlignBot did not start:\n" + host.Output);
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; false if it has not after ten seconds.</summary>
    public async Task<bool> WaitForOutputAsync(string text)
    {
        for (var i = 0; i < 100 && !Output.Contains(text, StringComparison.Ordinal); i++)
            await Task.Delay(100);
        return Output.Contains(text, StringComparison.Ordinal);
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
