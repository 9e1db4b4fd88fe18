using Microsoft.AspNetCore.Http;

namespace AlignBot.Web;

/// <summary>What one surface decides about its raw bodies; <see cref="RawBodyFilter"/> does the rest.</summary>
public sealed class RawBodyPolicy
{
    /// <summary>The largest body read for this request (from the surface's options); beyond it the request is 413.</summary>
    public required Func<HttpContext, int> MaxBytes { get; init; }

    /// <summary>Logs a body over the cap, with the cap. Null: not logged.</summary>
    public Action<HttpContext, int>? OnTooLarge { get; init; }

    /// <summary>Logs a body refused for its content type or encoding, with a short fixed reason. Null: not logged.</summary>
    public Action<HttpContext, string>? OnBadBody { get; init; }
}
