namespace AlignBot.Hosting;

/// <summary>What the host is, wherever it is started from: logging defaults that hold even when no appsettings.json is found.</summary>
public static class HostSetup
{
    /// <summary>
    /// Logging defaults set in code, which configuration (<c>Logging:LogLevel</c>) may still override. No HttpClient logs
    /// anything: the factory's own handlers would write every outgoing URL, and a Slack <c>response_url</c> or a Teams
    /// conversation path is a capability (the clients log their outcomes themselves, without URLs). A start-up failure is
    /// the one line <see cref="StartupFailure"/> writes, so the generic host's own report of it (with a stack trace) is
    /// left out; a background service that fails still stops the host with a critical line.
    /// </summary>
    public static WebApplicationBuilder AddLoggingDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            // First in the list: a rule from configuration for the same category comes later and wins.
            options.Rules.Insert(0, new LoggerFilterRule(null, "Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical, null));
        });
        return builder;
    }
}
