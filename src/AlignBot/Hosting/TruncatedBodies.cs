namespace AlignBot.Hosting;

/// <summary>
/// A request whose body ends before its Content-Length (the client cut it off or went away while sending) is the
/// client's error: a 400 (or Kestrel's own status, such as 413) and one Debug line naming the path, never an
/// unhandled exception with a stack, which any unauthenticated client could otherwise use to fill the log.
/// </summary>
public static class TruncatedBodies
{
    public static IApplicationBuilder UseTruncatedBodiesAsBadRequests(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("AlignBot.Hosting.Requests");
        return app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
            {
                if (log.IsEnabled(LogLevel.Debug))
                    log.RequestEndedEarly(http.Request.Path, $"bad request body ({ex.Message})");
                http.Response.StatusCode = ex.StatusCode;
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException && http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
            {
                log.RequestEndedEarly(http.Request.Path, "the client went away");
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        });
    }
}
