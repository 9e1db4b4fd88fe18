using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AlignBot.Teams.Tests;

/// <summary>
/// A test-only Bot Framework: an RSA key published as JWKS (with the Bot Framework's <c>endorsements</c>) behind an
/// OpenID metadata document, and tokens signed with it, or with a key nobody published.
/// </summary>
public sealed class TestIssuer
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "6f1c2a9e-3b4d-4e8f-9a7b-2c5d8e1f0a36";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly RsaSecurityKey _rogue = new(RSA.Create(2048)) { KeyId = "rogue-key" };

    public string[] Endorsements { get; set; } = ["msteams"];

    public JsonObject Jwks()
    {
        var parameters = _key.Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = _key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]),
            }),
        };
    }

    public static JsonObject Metadata(string baseUrl) => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = baseUrl + "/authorize",
        ["jwks_uri"] = baseUrl + "/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    public string Token(string serviceUrl, string audience = AppId, string issuer = Issuer, TimeSpan? expiresIn = null, bool rogue = false,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-30) : now,
            NotBefore = expires < now ? expires.AddMinutes(-30) : now.AddMinutes(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(rogue ? _rogue : _key, algorithm),
        });
    }
}
