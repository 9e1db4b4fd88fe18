namespace AlignBot.Hosting;

/// <summary>
/// What the host is, wherever it is started from: its content root is the program's folder (where appsettings.json is)
/// unless <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> says otherwise, and the logging defaults that keep
/// secrets out of the log hold even when no appsettings.json is found.
/// </summary>
public static class HostSetup
{
    /// <summary>The builder options: the content root as configured, else <see cref="AppContext.BaseDirectory"/> rather than the working directory.</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var configured = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddEnvironmentVariables("DOTNET_").AddCommandLine(args).Build();
        return new WebApplicationOptions { Args = args, ContentRootPath = configured[HostDefaults.ContentRootKey] ?? AppContext.BaseDirectory };
    }

    /// <summary>
    /// Logging defaults set in code, which configuration (<c>Logging:LogLevel</c>) may still override. ASP.NET Core logs at
    /// Warning, so no request line with its query string (an OAuth <c>code</c> and <c>state</c>) is written. No HttpClient logs
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
            options.Rules.Insert(0, new LoggerFilterRule(null, "Microsoft.AspNetCore", LogLevel.Warning, null));
            options.Rules.Insert(0, new LoggerFilterRule(null, "Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical, null));
        });
        return builder;
    }
}
