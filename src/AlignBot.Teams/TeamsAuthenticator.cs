using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AlignBot.Teams;

/// <summary>
/// Validates the Bot Framework's Bearer token on an inbound activity with Microsoft.IdentityModel: signature by a key
/// from the OpenID metadata's JWKS (refetched once on an unknown key id, cached otherwise), issuer, audience = our
/// App ID, lifetime with clock skew, RS256/384/512 only. Returns the key's endorsements and the <c>serviceurl</c>
/// claim, which the endpoint then checks against the activity itself.
/// </summary>
internal sealed class TeamsAuthenticator
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TimeProvider _clock;

    public TeamsAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        var retriever = new HttpDocumentRetriever(http.CreateClient(nameof(TeamsAuthenticator))) { RequireHttps = _options.RequireHttpsMetadata };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
    }

    public async Task<TeamsAuthResult> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length > 16_384)
            return TeamsAuthResult.Fail("no Bearer token");
        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
            return TeamsAuthResult.Fail("malformed token");

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return TeamsAuthResult.Fail("signing keys unavailable");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key id we have not seen: the keys may have rolled over. Refetch once (rate-limited by RefreshInterval).
            _metadata.RequestRefresh();
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        }
        if (!result.IsValid)
            return TeamsAuthResult.Fail(Reason(result.Exception));

        var jwt = (JsonWebToken)result.SecurityToken;
        var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
        // The validated key may be a converted RsaSecurityKey; the endorsements live on the JWK as published.
        var published = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == jwt.Kid);
        return new TeamsAuthResult(true, null, serviceUrl, Endorsements(published), new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + _options.ClockSkew);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = _options.ValidIssuers,
        ValidAudience = _options.AppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = _options.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, p) =>
            (notBefore is null || notBefore <= _clock.GetUtcNow().UtcDateTime + p.ClockSkew)
            && expires is not null && expires >= _clock.GetUtcNow().UtcDateTime - p.ClockSkew,
    };

    private static IReadOnlyList<string> Endorsements(JsonWebKey? jwk)
    {
        if (jwk is null || !jwk.AdditionalData.TryGetValue("endorsements", out var value))
            return [];
        return value switch
        {
            IEnumerable<string> list => [.. list],
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            System.Collections.IEnumerable items => [.. items.Cast<object>().Select(o => o?.ToString() ?? "")],
            _ => [],
        };
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenMalformedException or ArgumentException => "malformed token",
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidLifetimeException => "token outside its lifetime",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenSignatureKeyNotFoundException => "signed by an unknown key",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        null => "invalid token",
        _ => "invalid token (" + exception.GetType().Name + ")",
    };
}
