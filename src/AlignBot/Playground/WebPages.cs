using Microsoft.AspNetCore.Rewrite;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace AlignBot.Playground;

/// <summary>
/// What every page and asset of the host gets: security headers (a self-only Content-Security-Policy on HTML),
/// compression of pages and assets, the assets and the icon from the assembly with ETags and revalidation, no
/// <c>Server</c> header, and a small HTML page for a 404 that has no body of its own.
/// </summary>
public static class WebPages
{
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Only pages and assets are compressed (see UseWebPages), and they carry no secrets, so HTTPS is safe too.
        builder.Services.AddResponseCompression(compression => compression.EnableForHttps = true);
        return builder;
    }

    public static WebApplication UseWebPages(this WebApplication app)
    {
        var playground = app.IsEnabled();
        app.Use(SecurityHeaders);
        app.UseStatusCodePages(status => NotFoundPage.WriteAsync(status.HttpContext, playground));
        app.UseWhen(http => IsPageOrAsset(http.Request.Path), page => page.UseResponseCompression());
        app.UseRewriter(new RewriteOptions().AddRewrite("^favicon\\.ico$", "assets/favicon.ico", skipRemainingRules: true));
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new EmbeddedFileProvider(typeof(WebPages).Assembly, "AlignBot.Playground.Assets"),
            ContentTypeProvider = types,
            // Revalidated on every use (ETag and Last-Modified from the assembly), so a new build shows at once.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    private static bool IsPageOrAsset(PathString path) =>
        path == "/" || path == "/favicon.ico" || path.StartsWithSegments("/terms") || path.StartsWithSegments("/assets");

    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            }
            return Task.CompletedTask;
        });
        return next();
    }
}
