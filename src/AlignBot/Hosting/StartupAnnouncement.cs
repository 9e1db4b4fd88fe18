using AlignBot.Playground;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AlignBot.Hosting;

/// <summary>Says where to point a browser once the server listens.</summary>
public static class StartupAnnouncement
{
    public static WebApplication AnnounceUrls(this WebApplication app)
    {
        var playground = app.IsEnabled();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (addresses.FirstOrDefault() is not { } address)
                return;
            var url = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
            app.Logger.ReadyAt(playground ? $"open {url}/ to try AlignBot (glossary at {url}/terms)" : $"glossary at {url}/terms; playground off (Playground:Enabled)");
        });
        return app;
    }
}
