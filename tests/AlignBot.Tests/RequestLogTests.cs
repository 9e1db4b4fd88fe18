namespace AlignBot.Tests;

/// <summary>
/// The OAuth callback's <c>code</c> and <c>state</c> never reach the log, however the host is started: from another
/// working directory (the content root is still the program's folder) or with a content root holding no appsettings.json
/// (the logging defaults are in code).
/// </summary>
public sealed class RequestLogTests
{
    private static readonly (string, string)[] SlackOAuth =
        [("Slack__SigningSecret", "request-log-signing-secret-0123"), ("Slack__ClientId", "1234.5678"), ("Slack__ClientSecret", "request-log-client-secret")];

    private static async Task AssertCallbackQueryIsNotLogged(HostProcess host)
    {
        using var http = new HttpClient();

        await http.GetAsync(host.BaseUrl + "/slack/oauth/callback?code=SECRETCODE&state=SECRETSTATE");

        Assert.True(await host.WaitForOutputAsync("Slack OAuth callback refused"), host.Output);   // logged after any line about the request
        Assert.DoesNotContain("SECRETCODE", host.Output);
        Assert.DoesNotContain("SECRETSTATE", host.Output);
    }

    [Fact]
    public async Task Started_from_another_directory_the_host_does_not_log_the_oauth_code_or_state()
    {
        await using var host = await HostProcess.StartAsync(SlackOAuth);

        await AssertCallbackQueryIsNotLogged(host);
    }

    [Fact]
    public async Task With_no_appsettings_json_at_all_the_host_does_not_log_the_oauth_code_or_state()
    {
        var empty = Directory.CreateTempSubdirectory("alignbot-empty-root-").FullName;
        try
        {
            await using var host = await HostProcess.StartAsync([.. SlackOAuth, ("ASPNETCORE_CONTENTROOT", empty)]);

            await AssertCallbackQueryIsNotLogged(host);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
