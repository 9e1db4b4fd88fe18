using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Tests;

/// <summary>
/// In-memory hosts for the pages and the playground, each with its own database and the client address its requests
/// come from (TestServer gives none; loopback unless a test says otherwise). Disposing removes the databases.
/// </summary>
public sealed class PageHosts : IDisposable
{
    private readonly List<TempDatabase> _databases = [];

    public void Dispose() => _databases.ForEach(d => d.Dispose());

    public WebApplicationFactory<Program> Create(string environment, params (string Key, string Value)[] settings) =>
        Create(environment, IPAddress.Loopback, settings);

    public WebApplicationFactory<Program> Create(string environment, IPAddress? clientAddress, params (string Key, string Value)[] settings)
    {
        var database = new TempDatabase();
        _databases.Add(database);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment).UseSetting("Corpus:Path", RepoPaths.Corpus).UseSetting("Storage:ConnectionString", database.ConnectionString);
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
            b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ClientAddress(clientAddress)));
        });
    }

    private sealed class ClientAddress(IPAddress? address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, proceed) =>
            {
                http.Connection.RemoteIpAddress = address;
                return proceed(http);
            });
            next(app);
        };
    }
}
