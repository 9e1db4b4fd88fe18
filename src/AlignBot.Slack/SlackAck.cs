using Microsoft.AspNetCore.Http;

namespace AlignBot.Slack;

/// <summary>
/// How AlignBot answers one verified Slack payload, whichever transport brought it: over HTTP it is the response, over
/// Socket Mode the acknowledgement of the envelope. <see cref="Body"/> is the immediate answer (a command's card, a
/// picker's options, a url_verification challenge); <see cref="ResponseUrl"/> is where a command's answer goes when the
/// acknowledgement cannot carry it (the socket dropped first).
/// </summary>
internal sealed record SlackAck(int Status, byte[]? Body = null, Uri? ResponseUrl = null)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static readonly SlackAck Ok = new(StatusCodes.Status200OK);

    /// <summary>AlignBot cannot take the payload now: over HTTP a 503 with Retry-After, over a socket no acknowledgement, so Slack delivers it again.</summary>
    public static readonly SlackAck RetryLater = new(StatusCodes.Status503ServiceUnavailable);

    public static SlackAck Json(byte[] utf8, Uri? responseUrl = null) => new(StatusCodes.Status200OK, utf8, responseUrl);

    /// <summary>A malformed payload (already logged by the handler): 400 with the reason over HTTP; acknowledged without a payload on a socket.</summary>
    public static SlackAck Bad(string reason) => new(StatusCodes.Status400BadRequest, System.Text.Encoding.UTF8.GetBytes(reason));

    public bool Acknowledged => Status < StatusCodes.Status500InternalServerError;

    /// <summary>The HTTP response.</summary>
    public IResult ToResult(HttpContext http)
    {
        switch (Status)
        {
            case StatusCodes.Status503ServiceUnavailable:
                http.Response.Headers.RetryAfter = "1";   // Slack retries the delivery (after about 1 s, 1 min, 5 min)
                return TypedResults.StatusCode(Status);
            case StatusCodes.Status400BadRequest:
                return TypedResults.BadRequest(System.Text.Encoding.UTF8.GetString(Body ?? []));
            default:
                return Body is null ? TypedResults.Ok() : TypedResults.Bytes(Body, JsonContentType);
        }
    }
}
