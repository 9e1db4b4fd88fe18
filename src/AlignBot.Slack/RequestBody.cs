using Microsoft.AspNetCore.Http;

namespace AlignBot.Slack;

/// <summary>Reads a request body into memory, refusing (null) as soon as it passes the cap.</summary>
internal static class RequestBody
{
    public static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 4096, 0, maxBytes));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
