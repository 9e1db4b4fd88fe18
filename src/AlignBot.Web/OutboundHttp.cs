using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace AlignBot.Web;

/// <summary>
/// The outbound HTTP clients of the platform adapters: retries with jittered exponential backoff (from 0.5 s) or the
/// platform's Retry-After, a timeout per attempt, and connections recycled so long-lived clients see DNS changes.
/// What a failure means stays with each platform's client.
/// </summary>
public static class OutboundHttp
{
    /// <summary>How long an outgoing connection is reused before it is replaced (and the host name resolved again).</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Adds the retry and per-attempt timeout pipeline described by the policy, and recycled connections.</summary>
    public static IHttpClientBuilder AddOutboundResilience(this IHttpClientBuilder builder, Func<IServiceProvider, OutboundPolicy> policyOf)
    {
        // The pipeline times each attempt; the client's own timeout would count all of them together.
        builder.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(builder.Name, (pipeline, context) =>
        {
            var policy = policyOf(context.ServiceProvider);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } response } => policy.IsRetryable((int)response.StatusCode),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? policy.RetryAfter(response) : null),
                OnRetry = args =>
                {
                    policy.OnRetry(args.Context.GetRequestMessage(), Failure(args.Outcome), args.RetryDelay, args.AttemptNumber + 1);
                    return default;
                },
            });
            pipeline.AddTimeout(policy.AttemptTimeout);
        });
        // Singletons keep their clients for the process's life: connections are recycled instead.
        return builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = PooledConnectionLifetime })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    /// <summary>What went wrong in words for the log: the status code, the network error, or "timeout".</summary>
    private static string Failure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Exception: HttpRequestException network } => network.HttpRequestError.ToString(),
        _ => "timeout",
    };
}
