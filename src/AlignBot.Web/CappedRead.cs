namespace AlignBot.Web;

/// <summary>Reads a request body into memory, giving up (null) as soon as it passes the cap, before buffering more.</summary>
public static class CappedRead
{
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
            return null;
        using var buffer = new MemoryStream((int)Math.Clamp(declaredLength ?? 4096, 0, maxBytes));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
