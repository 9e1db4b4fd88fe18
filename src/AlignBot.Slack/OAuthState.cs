using System.Security.Cryptography;
using System.Text;

namespace AlignBot.Slack;

/// <summary>
/// The OAuth <c>state</c>: a random nonce and the time it was issued, signed with HMAC-SHA256. The callback accepts
/// it only when the signature holds, it is under ten minutes old (Slack's code lifetime) and it equals the copy
/// the install step left in the browser's cookie, which ties the callback to the browser that started the install.
/// The callback also uses each state once (kept in the store until it expires).
/// </summary>
internal static class OAuthState
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>How far in the future an issue time may be (another replica's clock).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static string Create(string key, DateTimeOffset now)
    {
        var payload = new byte[24];
        RandomNumberGenerator.Fill(payload.AsSpan(0, 16));
        BitConverter.TryWriteBytes(payload.AsSpan(16), now.ToUnixTimeSeconds());
        return $"{Base64Url(payload)}.{Base64Url(Sign(key, payload))}";
    }

    public static bool IsValid(string key, string? state, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 200 || state.Split('.') is not [var data, var mac])
            return false;
        byte[] payload, signature;
        try
        {
            (payload, signature) = (FromBase64Url(data), FromBase64Url(mac));
        }
        catch (FormatException)
        {
            return false;
        }
        if (payload.Length != 24 || !CryptographicOperations.FixedTimeEquals(Sign(key, payload), signature))
            return false;
        var issued = DateTimeOffset.FromUnixTimeSeconds(BitConverter.ToInt64(payload, 16));
        return issued <= now + ClockSkew && now - issued <= Lifetime;
    }

    private static byte[] Sign(string key, byte[] payload) => HMACSHA256.HashData(Encoding.UTF8.GetBytes("alignbot-oauth-state:" + key), payload);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
