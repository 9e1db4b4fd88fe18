using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Tests;

/// <summary>
/// A client that announces a longer body than it sends and then closes the connection, over real TCP to Kestrel: every
/// endpoint that reads a body refuses it (400) with one Debug line, and nothing is logged as an error.
/// </summary>
public sealed class TruncatedBodyTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string, string, bool> Endpoints => new()
    {
        { "/slack/commands", "application/x-www-form-urlencoded", true },
        { "/slack/events", "application/json", true },
        { "/api/messages", "application/json", true },
        { "/playground/messages", "application/json", true },
        { "/slack/commands", "application/x-www-form-urlencoded", false },
        { "/api/messages", "application/json", false },
    };

    /// <summary>
    /// The client stops sending (half-close: Kestrel finds the body short) or drops the connection. It is gone by the
    /// time the 400 is set, so ASP.NET Core records the request as 499; what matters is what reaches the log.
    /// </summary>
    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_cut_off_mid_way_is_refused_with_one_debug_line_and_no_error(string path, string contentType, bool halfClose)
    {
        var logs = new LogCapture();
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Testing")
            .UseSetting("Corpus:Path", RepoPaths.Corpus)
            .UseSetting("Storage:ConnectionString", _database.ConnectionString)
            .UseSetting("Slack:SigningSecret", "truncated-body-signing-secret-0123456789")
            .UseSetting("Teams:AppId", "00000000-0000-0000-0000-000000000001")
            .UseSetting("Teams:AppPassword", "unused-password")
            .UseSetting("Teams:OpenIdMetadataUrl", "http://127.0.0.1:9/openid")
            .UseSetting("Playground:Enabled", "true")
            .UseSetting("Urls", "http://127.0.0.1:0")
            .ConfigureTestServices(services => services.AddLogging(l => l.AddProvider(logs).AddFilter<LogCapture>(null, LogLevel.Debug))));
        host.UseKestrel();
        host.StartServer();
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: 10000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "{\"text\":\"what is sycoph"));
        await Until(() => logs.Lines.Any(l => l.Contains("Request starting")));   // the server is reading the body
        if (halfClose)
            tcp.Client.Shutdown(SocketShutdown.Send);
        else
            tcp.Close();
        await Until(() => logs.Lines.Any(l => l.Contains("Request finished")));

        Assert.DoesNotContain(logs.Lines, l => l.Contains("Request finished") && l.Contains(" - 500 "));
        // Ours, or for the playground's bound JSON body ASP.NET Core's own, which also aborts the request.
        var refusal = Assert.Single(logs.Lines, l => l.Contains("ended early") || l.Contains("Reading the request body failed"));
        Assert.StartsWith("Debug", refusal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Request finished") && l.Contains(" - 500 "));
        var aboveDebug = logs.Lines.Where(l => !l.StartsWith("Debug", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(aboveDebug, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)
            || l.StartsWith("Warning", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
