using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AlignBot.Web;

/// <summary>
/// The checks every raw-body endpoint makes, written once, in the fixed order: the body is read up to the policy's cap
/// (413 beyond it, unread), then the platform's own filter authenticates (Slack's signature, Teams' token), then the
/// content type must be the endpoint's <see cref="RawBodyType"/> (415) and the bytes UTF-8 (400). Only then does the
/// handler see the <see cref="RawBody"/>. Each refusal is logged through the policy, never with the body.
/// </summary>
public static class RawBodyFilter
{
    /// <summary>Puts the raw-body checks in front of the endpoints of <paramref name="builder"/>, with <typeparamref name="TAuthentication"/>
    /// (the platform's endpoint filter) between the read and the content checks.</summary>
    public static TBuilder RequireRawBody<TBuilder, TAuthentication>(this TBuilder builder, RawBodyPolicy policy)
        where TBuilder : IEndpointConventionBuilder where TAuthentication : IEndpointFilter
    {
        builder.AddEndpointFilter((context, next) => ReadAsync(policy, context, next));
        builder.AddEndpointFilter<TBuilder, TAuthentication>();
        builder.AddEndpointFilter((context, next) => Check(policy, context, next));
        return builder;
    }

    /// <summary>The raw-body checks for an endpoint that authenticates no one (the playground).</summary>
    public static TBuilder RequireRawBody<TBuilder>(this TBuilder builder, RawBodyPolicy policy) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter((context, next) => ReadAsync(policy, context, next));
        builder.AddEndpointFilter((context, next) => Check(policy, context, next));
        return builder;
    }

    private static async ValueTask<object?> ReadAsync(RawBodyPolicy policy, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var maxBytes = policy.MaxBytes(http);
        var body = await CappedRead.ReadAsync(http.Request.Body, http.Request.ContentLength, maxBytes, http.RequestAborted);
        if (body is null)
        {
            policy.OnTooLarge?.Invoke(http, maxBytes);
            return TypedResults.Problem($"The body is over {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        http.Features.Set(new RawBody(body));
        return await next(context);
    }

    private static ValueTask<object?> Check(RawBodyPolicy policy, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<RawBodyType>() is { } expected && !expected.Matches(http.Request.ContentType))
        {
            policy.OnBadBody?.Invoke(http, "content type is not " + expected.MediaType);
            return ValueTask.FromResult<object?>(TypedResults.Problem("expected an " + expected.MediaType + " body",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
        if (!System.Text.Unicode.Utf8.IsValid(http.Features.GetRequiredFeature<RawBody>().Bytes))
        {
            policy.OnBadBody?.Invoke(http, "body is not valid UTF-8");
            return ValueTask.FromResult<object?>(TypedResults.Problem("body is not valid UTF-8", statusCode: StatusCodes.Status400BadRequest));
        }
        return next(context);
    }
}
