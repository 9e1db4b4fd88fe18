using AlignBot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// In front of every signed Slack endpoint: reads the raw body up to the cap (413 beyond it), checks the signature
/// and the replay window (401 with an empty body), then the content type (415) and the UTF-8 (400), and only then
/// lets the endpoint parse. Each refusal is one log line naming the reason, never the body, the headers or the secret.
/// </summary>
internal sealed class SlackSignatureFilter(IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackSignatureFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        var body = await CappedRead.ReadAsync(http.Request.Body, http.Request.ContentLength, settings.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            log.SlackRequestTooLarge(http.Request.Path, settings.MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var verdict = SlackSignature.Check(settings.SigningSecret, http.Request.Headers[SlackSignature.TimestampHeader],
            http.Request.Headers[SlackSignature.SignatureHeader], body, clock.GetUtcNow(), settings.ReplayWindow);
        if (verdict != SignatureVerdict.Valid)
        {
            log.SlackRequestRefused(http.Request.Path, verdict);
            return Results.Unauthorized();
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<SlackBodyType>() is { } expected && !expected.Matches(http.Request.ContentType))
        {
            log.SlackBadRequest(http.Request.Path, "content type is not " + expected.MediaType);
            return Results.Json("expected a " + expected.MediaType + " body", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (!SlackForm.IsUtf8(body))
        {
            log.SlackBadRequest(http.Request.Path, "body is not valid UTF-8");
            return Results.BadRequest("body is not valid UTF-8");
        }

        http.Features.Set(new VerifiedBody(body));
        return await next(context);
    }
}
