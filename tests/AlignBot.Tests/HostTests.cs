using System.Net;
using System.Net.Http.Json;
using AlignBot.Glossary.Corpus;
using AlignBot.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlignBot.Tests;

public sealed class HostTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private WebApplicationFactory<Program> Host(string corpus) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        b.UseEnvironment("Testing").UseSetting("Corpus:Path", corpus).UseSetting("Storage:ConnectionString", _database.ConnectionString));

    [Fact]
    public async Task Healthz_reports_ok_and_the_term_count()
    {
        await using var host = Host(RepoPaths.Corpus);
        using var client = host.CreateClient();

        var health = await client.GetFromJsonAsync<HealthStatus>("/healthz");

        Assert.Equal("ok", health!.Status);
        Assert.Equal(CorpusLoader.Load(RepoPaths.Corpus).Terms.Count, health.Terms);
    }

    [Fact]
    public async Task Health_probes_answer_get_and_head_only()
    {
        await using var host = Host(RepoPaths.Corpus);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/readyz"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/healthz", null)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/readyz", null)).StatusCode);
    }

    [Fact]
    public async Task Unknown_path_is_404()
    {
        await using var host = Host(RepoPaths.Corpus);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nope")).StatusCode);
    }
}
