using System.Collections.Concurrent;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AlignBot.Testing;

/// <summary>
/// What some tests need from the machine: a PostgreSQL server ($ALIGNBOT_TEST_POSTGRES), Debian's Chromium, Node.js and
/// npm, or something a test installs with them. Without
/// it such a test is skipped with a reason saying how to provide it, except in CI (the CI variable set), where .ci/run
/// provides both and a missing one fails the test. <c>dotnet test</c> prints skip reasons only at normal verbosity, so
/// each reason is also sent once as an xUnit diagnostic message, which it always prints (tests/xunit.runner.json).
/// A class fixture, so that xUnit hands it the diagnostic sink.
/// </summary>
public sealed class MachineRequirements(IMessageSink diagnostics)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How tests start Chromium: headless, and with nothing that would reach the internet.</summary>
    public static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly ConcurrentDictionary<string, bool> Reported = new();

    /// <summary>The connection string of the PostgreSQL server to test against; skips the test without one.</summary>
    public string Postgres() =>
        Environment.GetEnvironmentVariable("ALIGNBOT_TEST_POSTGRES") is { Length: > 0 } connection
            ? connection
            : throw Missing("PostgreSQL", "set ALIGNBOT_TEST_POSTGRES to a connection string (.ci/run starts a server and sets it)");

    /// <summary>Skips the test unless Chromium is installed.</summary>
    public void Chromium()
    {
        if (!File.Exists(ChromiumPath))
            throw Missing("Chromium", $"no {ChromiumPath} on this machine (apt-get install chromium; .ci/run installs it)");
    }

    /// <summary>Skips the test unless <c>node</c> and <c>npm</c> are on the PATH.</summary>
    public void Node()
    {
        if (!HasNode)
            throw Missing("Node.js and npm", "no node or npm on the PATH (apt-get install nodejs npm; .ci/run installs them)");
    }

    /// <summary>Skips the test when <paramref name="missingReason"/> says why <paramref name="what"/> cannot be had.</summary>
    public void Provided(string what, string? missingReason)
    {
        if (missingReason is not null)
            throw Missing(what, missingReason);
    }

    /// <summary>Whether <c>node</c> and <c>npm</c> are on the PATH.</summary>
    public static bool HasNode => OnPath("node") is not null && OnPath("npm") is not null;

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private Exception Missing(string what, string howToProvide)
    {
        if (Environment.GetEnvironmentVariable("CI") is not null)
            return new InvalidOperationException($"CI must provide {what}: {howToProvide}.");
        var reason = $"Skipped: needs {what}; {howToProvide}.";
        if (Reported.TryAdd(reason, true))
            diagnostics.OnMessage(new DiagnosticMessage(reason));
        return new Xunit.SkipException(reason);   // Xunit.SkippableFact's, which [SkippableFact] reports as a skip
    }
}
