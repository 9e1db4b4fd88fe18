namespace AlignBot.Web;

/// <summary>What one platform decides about retrying its outbound calls; <see cref="OutboundHttp"/> does the rest.</summary>
public sealed class OutboundPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>How long one attempt may take before it counts as a timeout and is retried.</summary>
    public required TimeSpan AttemptTimeout { get; init; }

    /// <summary>Whether a response with this status is worth another attempt.</summary>
    public required Func<int, bool> IsRetryable { get; init; }

    /// <summary>How long to wait after this retryable response, from its Retry-After; null for the jittered backoff.</summary>
    public required Func<HttpResponseMessage, TimeSpan?> RetryAfter { get; init; }

    /// <summary>Logs a retry: the request, what failed (status, network error or "timeout"), the delay and the attempt that failed.</summary>
    public required Action<HttpRequestMessage?, string, TimeSpan, int> OnRetry { get; init; }
}
