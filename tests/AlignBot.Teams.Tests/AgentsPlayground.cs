using System.Globalization;

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

    private readonly ChildProcess _process;

    private AgentsPlayground(ChildProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The Playground's web page.</summary>
    public string Url { get; }

    public string Output => _process.Output;

    public static async Task<AgentsPlayground> StartAsync(string botEndpoint)
    {
        var port = ChildProcess.FreeLoopbackPort();
        var launcher = Path.Combine(RepoPaths.Root, "tools", "agents-playground", "start");
        var process = ChildProcess.Start("agents-playground", launcher, (start, folder) =>
        {
            start.ArgumentList.Add(botEndpoint);
            start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(Path.Combine(folder, "recording.log"));
        });
        var playground = new AgentsPlayground(process, $"http://127.0.0.1:{port}");
        if (await process.AnswersAsync(playground.Url, StartTimeout))
            return playground;
        await playground.DisposeAsync();
        throw new InvalidOperationException("The Agents Playground did not start:\n" + playground.Output);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
