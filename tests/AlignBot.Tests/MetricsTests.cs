using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using AlignBot.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlignBot.Tests;

/// <summary>
/// OpenTelemetry metrics as an operator scrapes them from <c>/metrics</c>: requests by platform and outcome, replies by
/// kind, misses, search latency, alongside ASP.NET Core's own.
/// </summary>
[Collection(nameof(ProcessWideMeters))]
public sealed partial class MetricsTests : IDisposable
{
    private const string SigningSecret = "metrics-test-signing-secret-0123456789";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private WebApplicationFactory<Program> Host(string environment, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment).UseSetting("Corpus:Path", RepoPaths.Corpus).UseSetting("Storage:ConnectionString", _database.ConnectionString)
                .UseSetting("Slack:SigningSecret", SigningSecret).UseSetting("Slack:ApiBaseUrl", "http://127.0.0.1:9/api/");
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    /// <summary>The value of one Prometheus sample whose labels include all of <paramref name="labels"/>; 0 when absent.</summary>
    private static double Sample(string scrape, string name, params string[] labels)
    {
        foreach (var line in scrape.Split('\n'))
        {
            var match = SampleLine().Match(line);
            if (match.Success && match.Groups["name"].Value == name && labels.All(l => match.Groups["labels"].Value.Contains(l)))
                return double.Parse(match.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return 0;
    }

    [GeneratedRegex(@"^(?<name>[a-z_:]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)")]
    private static partial Regex SampleLine();

    [Fact]
    public async Task Metrics_endpoint_counts_requests_by_platform_and_outcome_replies_misses_and_search_latency()
    {
        // TestServer gives no client address, which the playground counts as remote.
        await using var host = Host("Testing", ("Metrics:Prometheus", "true"), ("Playground:Enabled", "true"), ("Playground:AllowRemote", "true"));
        using var playground = host.CreateClient();
        using var slack = host.CreateDefaultClient(new SlackSigningHandler(SigningSecret));
        using var unsigned = host.CreateClient();
        var command = Fixtures.Text("slack/alignbot_slash_command_define.txt");

        await playground.PostAsJsonAsync("/playground/messages", new { text = "what is sycophancy" });
        await playground.PostAsJsonAsync("/playground/messages", new { text = "best pizza in town" });
        await slack.PostAsync("/slack/commands", new StringContent(command, Encoding.UTF8, "application/x-www-form-urlencoded"));
        await slack.PostAsync("/slack/commands", new StringContent(command.Replace("trigger_id=", "trigger_id=2"), Encoding.UTF8,
            "application/x-www-form-urlencoded"));   // the same question again (another invocation): from the answer cache
        await unsigned.PostAsync("/slack/commands", new StringContent(command, Encoding.UTF8, "application/x-www-form-urlencoded"));
        await slack.PostAsync("/slack/events", new StringContent("{", Encoding.UTF8, "application/json"));
        var response = await playground.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scrape = await response.Content.ReadAsStringAsync();
        Assert.Equal(2, Sample(scrape, "alignbot_requests_total", "platform=\"playground\"", "outcome=\"ok\""));
        Assert.Equal(2, Sample(scrape, "alignbot_requests_total", "platform=\"slack\"", "outcome=\"ok\""));
        Assert.Equal(1, Sample(scrape, "alignbot_requests_total", "platform=\"slack\"", "outcome=\"refused\""));
        Assert.Equal(1, Sample(scrape, "alignbot_requests_total", "platform=\"slack\"", "outcome=\"bad_request\""));
        Assert.Equal(1, Sample(scrape, "alignbot_replies_total", "platform=\"playground\"", "kind=\"term\""));
        Assert.Equal(2, Sample(scrape, "alignbot_replies_total", "platform=\"slack\"", "kind=\"term\""));
        Assert.Equal(1, Sample(scrape, "alignbot_search_misses_total", "platform=\"playground\""));
        Assert.Equal(3, Sample(scrape, "alignbot_search_duration_seconds_count"));   // the cached answer did not search
        Assert.Equal(3, Sample(scrape, "alignbot_search_duration_seconds_bucket", "le=\"+Inf\""));
        Assert.True(Sample(scrape, "alignbot_search_duration_seconds_sum") > 0);
        Assert.Contains("http_server_request_duration_seconds", scrape);   // ASP.NET Core's own, by route and status
        Assert.DoesNotContain(SigningSecret, scrape);
    }

    [Fact]
    public async Task Metrics_endpoint_is_off_in_production_unless_enabled()
    {
        await using var host = Host("Production");
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }
}
