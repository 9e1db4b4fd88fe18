using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlignBot.Teams.Tests;

/// <summary>
/// Microsoft 365 Agents Playground (Teams' local client) started with the repository's launcher,
/// <c>tools/agents-playground/start</c>, on a free loopback port and pointed at a bot. Its process is ended on dispose;
/// its output is kept for failure messages.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    /// <summary>Time for the first run to install the pinned package from npm, then for the page to answer.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly Process _process;
    private readonly string _folder;
    private readonly System.Text.StringBuilder _output = new();

    private AgentsPlayground(Process process, string folder, string url)
    {
        _process = process;
        _folder = folder;
        Url = url;
    }

    /// <summary>The Playground's web page.</summary>
    public string Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<AgentsPlayground> StartAsync(string botEndpoint)
    {
        var port = FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "alignbot-agents-playground-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var launcher = Path.Combine(RepoPaths.Root, "tools", "agents-playground", "start");
        var start = new ProcessStartInfo(launcher, [botEndpoint, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.Combine(folder, "recording.log")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        var process = Process.Start(start)!;
        var playground = new AgentsPlayground(process, folder, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(playground.Url)).StatusCode == HttpStatusCode.OK)
                    return playground;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await playground.DisposeAsync();
        throw new InvalidOperationException("The Agents Playground did not start:\n" + playground.Output);
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
