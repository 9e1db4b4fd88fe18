using System.Globalization;
using AlignBot.Slack;

namespace AlignBot.Testing;

/// <summary>Signs every outgoing request as Slack would, with the secret and the time given (default: now).</summary>
public sealed class SlackSigningHandler(string secret, Func<DateTimeOffset>? now = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = (now?.Invoke() ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Remove(SlackSignature.TimestampHeader);
        request.Headers.Remove(SlackSignature.SignatureHeader);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
