using System.Net;
using System.Net.Sockets;

namespace AlignBot.Tests;

/// <summary>
/// A start-up that cannot succeed ends with one log line naming the key and what is wrong, exit code 2 (configuration)
/// or 3 (store), no stack trace and no secret: the real process, as an operator sees it.
/// </summary>
[Collection(nameof(SerialProcessRuns))]
public sealed class StartupFailureTests
{
    private const string Secret = "hunter2-do-not-log";

    [Theory]
    [InlineData("Slack:SigningSecret", "Slack__SigningSecret=too-short")]
    [InlineData("Slack:SigningSecret", "Slack__BotToken=xoxb-" + Secret)]
    [InlineData("Slack:AppToken", "Slack__AppToken=xoxb-" + Secret, "Slack__BotToken=xoxb-bot")]
    [InlineData("Slack:BotToken", "Slack__AppToken=xapp-" + Secret)]
    [InlineData("Slack:SocketConnections", "Slack__AppToken=xapp-" + Secret, "Slack__BotToken=xoxb-bot", "Slack__SocketConnections=11")]
    [InlineData("Slack:ApiBaseUrl", "Slack__SigningSecret=0123456789abcdef-" + Secret, "Slack__ApiBaseUrl=not a url")]
    [InlineData("Slack:MaxBodyBytes", "Slack__SigningSecret=0123456789abcdef-" + Secret, "Slack__MaxBodyBytes=10")]
    [InlineData("Slack:MaxBodyBytes", "Slack__SigningSecret=0123456789abcdef-" + Secret, "Slack__MaxBodyBytes=lots")]
    [InlineData("Teams:AllowAnonymous", "Teams__AllowAnonymous=" + Secret)]
    [InlineData("Teams:AppPassword", "Teams__AppId=app-id")]
    [InlineData("Teams:AllowAnonymous", "Teams__AppId=app-id", "Teams__AllowAnonymous=true")]
    [InlineData("Teams:OpenIdMetadataUrl", "Teams__AppId=app-id", "Teams__AppPassword=" + Secret, "Teams__OpenIdMetadataUrl=ftp://keys")]
    [InlineData("Storage:Provider", "Storage__Provider=mongodb")]
    [InlineData("Storage:ConnectionString", "Storage__ConnectionString=Data Sorce=alignbot.db;Password=" + Secret)]
    [InlineData("Storage:ConnectionString", "Storage__Provider=postgres", "Storage__ConnectionString=Host=db;Pasword=" + Secret)]
    [InlineData("Storage:TokenKey", "Storage__TokenKey=" + Secret)]
    [InlineData("Corpus:Path", "Corpus__Path=/nonexistent/alignbot-corpus")]
    [InlineData("Playground:PermitsPerMinute", "Playground__PermitsPerMinute=0")]
    [InlineData("Playground:PermitsPerMinute", "Playground__PermitsPerMinute=-5")]
    [InlineData("Slack:RedirectUri", "Slack__SigningSecret=0123456789abcdef-" + Secret, "Slack__ClientId=1234.5678", "Slack__ClientSecret=" + Secret)]
    [InlineData("Daily:PollSeconds", "Daily__PollSeconds=soon")]
    [InlineData("Daily:PollSeconds", "Daily__PollSeconds=0")]
    [InlineData("App:PublicBaseUrl", "App__PublicBaseUrl=javascript:alert(1)")]
    [InlineData("Metrics:OtlpEndpoint", "Metrics__OtlpEndpoint=not a url")]
    [InlineData("Urls", "Urls=nowhere")]
    public async Task Invalid_setting_is_one_line_naming_the_key_and_exit_code_2(string key, params string[] settings)
    {
        var (code, output) = await HostRun.ToExitAsync(settings.Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => s[1]));

        AssertOneLine(output, "Invalid configuration", key);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Broken_corpus_is_one_line_naming_every_problem_and_exit_code_2()
    {
        using var corpus = new TempCorpus().Term("alpha", "Alpha", ["beta", "ghost"]).Term("beta", "Beta", ["alpha", "alpha"]);

        var (code, output) = await HostRun.ToExitAsync(new Dictionary<string, string> { ["Corpus__Path"] = corpus.Directory });

        AssertOneLine(output, "Invalid configuration", "Corpus:Path");
        Assert.Contains("alpha.md: related: 'ghost'", output);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Unreadable_term_file_is_one_line_naming_it_and_exit_code_2()
    {
        using var corpus = new TempCorpus().Term("alpha", "Alpha", []);
        File.CreateSymbolicLink(Path.Combine(corpus.Directory, "gone.md"), Path.Combine(corpus.Directory, "nowhere", "gone.md"));

        var (code, output) = await HostRun.ToExitAsync(new Dictionary<string, string> { ["Corpus__Path"] = corpus.Directory });

        AssertOneLine(output, "Invalid configuration", "Corpus:Path");
        Assert.Contains("gone.md: file: could not be read", output);
        Assert.Equal(2, code);
    }

    [SkippableFact]
    public async Task Unreadable_corpus_folder_is_one_line_naming_it_and_exit_code_2()
    {
        Skip.If(Environment.IsPrivilegedProcess, "Running as root, which reads any folder; an unprivileged user sees this test run.");
        using var corpus = new TempCorpus().Term("alpha", "Alpha", []);
        File.SetUnixFileMode(corpus.Directory, UnixFileMode.None);
        try
        {
            var (code, output) = await HostRun.ToExitAsync(new Dictionary<string, string> { ["Corpus__Path"] = corpus.Directory });

            AssertOneLine(output, "Invalid configuration", "Corpus:Path");
            Assert.Contains("could not be read", output);
            Assert.Equal(2, code);
        }
        finally
        {
            File.SetUnixFileMode(corpus.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Port_in_use_is_one_line_naming_urls_and_exit_code_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (code, output) = await HostRun.ToExitAsync(new Dictionary<string, string> { ["Urls"] = url });

        AssertOneLine(output, "Invalid configuration", "Urls");
        Assert.Contains("address already in use", output);
        Assert.Equal(2, code);
    }

    private static void AssertOneLine(string output, string what, string key)
    {
        Assert.Single(output.Split('\n'), l => l.Contains(what) && l.Contains(key));
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain(Secret, output);
    }
}
