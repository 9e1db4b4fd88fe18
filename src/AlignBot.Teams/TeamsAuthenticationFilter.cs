using AlignBot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Teams;

/// <summary>
/// Teams' endpoint filter: between the capped read and the content checks of <see cref="RawBodyFilter"/>, validates the
/// <c>Authorization: Bearer</c> token (401, the reason logged once). Without a token, only in anonymous development
/// mode, the request goes on as a <see cref="TeamsCaller"/> with no token, and <see cref="TeamsCaller.Refusal"/> later
/// admits loopback traffic only. What the token says about the activity (service URL, endorsements) is checked by
/// <see cref="TeamsCaller.Refusal"/> once the activity is parsed.
/// </summary>
internal sealed class TeamsAuthenticationFilter(TeamsAuthenticator authenticator, IOptions<TeamsOptions> options, ILogger<TeamsAuthenticationFilter> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        TeamsAuthResult? auth = null;
        if (authorization is not null || !options.Value.AllowAnonymous)
        {
            auth = await authenticator.ValidateAsync(authorization, http.RequestAborted);
            if (!auth.Valid)
            {
                log.TeamsRefused(auth.Failure!);
                return TypedResults.Unauthorized();
            }
        }
        http.Features.Set(new TeamsCaller(auth));
        return await next(context);
    }

    /// <summary>Teams' cap on raw bodies and its refusal lines.</summary>
    public static RawBodyPolicy BodyPolicy { get; } = new()
    {
        MaxBytes = http => http.RequestServices.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxBodyBytes,
        OnTooLarge = (http, _) => Logger(http).TeamsRefused("body too large"),
        OnBadBody = (http, reason) => Logger(http).TeamsBadRequest(reason),
    };

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILogger<TeamsAuthenticationFilter>>();
}
