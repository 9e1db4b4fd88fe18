using AlignBot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Slack;

/// <summary>
/// Slack's endpoint filter: between the capped read and the content checks of <see cref="RawBodyFilter"/>, checks the
/// v0 signature of the raw body and the replay window (401 with an empty body). Each refusal is one log line naming
/// the verdict, never the body, the headers or the secret.
/// </summary>
internal sealed class SlackSignatureFilter(IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackSignatureFilter> log) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        var verdict = SlackSignature.Check(settings.SigningSecret, http.Request.Headers[SlackSignature.TimestampHeader],
            http.Request.Headers[SlackSignature.SignatureHeader], http.Features.GetRequiredFeature<RawBody>().Bytes, clock.GetUtcNow(), settings.ReplayWindow);
        if (verdict != SignatureVerdict.Valid)
        {
            log.SlackRequestRefused(http.Request.Path, verdict);
            return ValueTask.FromResult<object?>(TypedResults.Unauthorized());
        }
        return next(context);
    }

    /// <summary>Slack's cap on raw bodies and its refusal lines.</summary>
    public static RawBodyPolicy BodyPolicy { get; } = new()
    {
        MaxBytes = http => http.RequestServices.GetRequiredService<IOptions<SlackOptions>>().Value.MaxBodyBytes,
        OnTooLarge = (http, maxBytes) => Logger(http).SlackRequestTooLarge(http.Request.Path, maxBytes),
        OnBadBody = (http, reason) => Logger(http).SlackBadRequest(http.Request.Path.Value ?? "", reason),
    };

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILogger<SlackSignatureFilter>>();
}
