using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlignBot.Testing;

/// <summary>
/// A program a test starts in a temporary working folder of its own: its output is kept for failure messages; on
/// dispose it is killed with its process tree and the folder is deleted.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ChildProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    /// <summary>The process's working folder, deleted on dispose.</summary>
    public string Folder { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>A free TCP port on 127.0.0.1 for the program to listen on.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> in a new temporary folder named after <paramref name="purpose"/>;
    /// <paramref name="configure"/> sets arguments and environment, given that folder.
    /// </summary>
    public static ChildProcess Start(string purpose, string fileName, Action<ProcessStartInfo, string> configure)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"alignbot-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        configure(start, folder);
        var child = new ChildProcess(Process.Start(start)!, folder);
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200; false when the program exits or time runs out first.</summary>
    public async Task<bool> AnswersAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(url)).StatusCode == HttpStatusCode.OK)
                    return true;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; false if it has not after ten seconds.</summary>
    public async Task<bool> WaitForOutputAsync(string text)
    {
        for (var i = 0; i < 100 && !Output.Contains(text, StringComparison.Ordinal); i++)
            await Task.Delay(100);
        return Output.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>Asks the program to stop as a service manager or container runtime does: SIGTERM, not a kill.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    /// <summary>The program's exit code once it has exited; null if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
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
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
