using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlignBot.Slack;

/// <summary>
/// Slack's v0 request signature: <c>v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"))</c>, compared in
/// constant time, with the timestamp within the replay window either side of now. Fails closed without a secret.
/// </summary>
public static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    public static SignatureVerdict Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan window)
    {
        if (secret.Length == 0)
            return SignatureVerdict.NoSigningSecret;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return SignatureVerdict.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || timestamp.Length > 12)
            return SignatureVerdict.MalformedTimestamp;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > window.TotalSeconds)
            return SignatureVerdict.OutsideReplayWindow;
        if (signature.Length != 67 || !signature.StartsWith("v0=", StringComparison.Ordinal))
            return SignatureVerdict.MalformedSignature;

        var expected = Compute(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? SignatureVerdict.Valid
            : SignatureVerdict.BadSignature;
    }

    /// <summary>The signature Slack would send for this body at this timestamp (also used by tests and load scripts).</summary>
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "v0=" + Convert.ToHexStringLower(mac);
    }
}
