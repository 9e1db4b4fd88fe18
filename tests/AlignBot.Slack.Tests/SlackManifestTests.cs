using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack.Tests;

/// <summary>
/// deploy/slack-app-manifest.yaml stays in step with the routes and the scopes the code asks for, and its Socket Mode
/// variant is the same app without URLs.
/// </summary>
public sealed partial class SlackManifestTests : IAsyncLifetime
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "slack-app-manifest.yaml"));
    private static readonly string SocketModeManifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "slack-app-manifest.socket-mode.yaml"));
    private SlackHost _host = null!;

    [GeneratedRegex(@"https://HOST(/\S+)")]
    private static partial Regex Url();

    public async Task InitializeAsync() => _host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Every_url_in_the_manifest_is_a_route_of_the_host()
    {
        using var _ = _host.CreateClient();
        var routes = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();

        var urls = Url().Matches(Manifest).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(5, urls.Count);
        Assert.All(urls, url => Assert.Contains(url, routes));
    }

    [Fact]
    public void Manifest_asks_for_exactly_the_scopes_the_install_asks_for()
    {
        using var _ = _host.CreateClient();
        var scopes = _host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.Scopes.Split(',');

        var section = Manifest[Manifest.IndexOf("    bot:", StringComparison.Ordinal)..Manifest.IndexOf("settings:", StringComparison.Ordinal)];
        var listed = section.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- ")).Select(l => l[2..]).ToArray();

        Assert.Equal(scopes.Order(), listed.Order());
    }

    [Fact]
    public void Socket_mode_manifest_is_the_http_manifest_without_urls_and_with_socket_mode_on()
    {
        static IEnumerable<string> Settings(string manifest) => manifest.Split('\n').Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.TrimStart().StartsWith('#'));

        var expected = Settings(Manifest)
            .Where(l => !l.Contains("https://HOST", StringComparison.Ordinal) && l.Trim() != "redirect_urls:")
            .Select(l => l.Replace("socket_mode_enabled: false", "socket_mode_enabled: true", StringComparison.Ordinal));

        Assert.Equal(expected, Settings(SocketModeManifest));
    }

    [Fact]
    public void Both_manifests_turn_on_the_home_tab_and_its_event()
    {
        Assert.All([Manifest, SocketModeManifest], manifest =>
        {
            Assert.Contains("home_tab_enabled: true", manifest, StringComparison.Ordinal);
            Assert.Contains("      - app_home_opened\n", manifest, StringComparison.Ordinal);
        });
    }
}
