using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack.Tests;

/// <summary>deploy/slack-app-manifest.yaml stays in step with the routes and the scopes the code asks for.</summary>
public sealed partial class SlackManifestTests : IAsyncLifetime
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "slack-app-manifest.yaml"));
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
}
