namespace AlignBot.Web;

/// <summary>The raw request body, read by <see cref="RawBodyFilter"/> within its cap; handlers parse only this, and only
/// once every check in front of them (size, the platform's authentication, content type, UTF-8) passed.</summary>
public sealed record RawBody(byte[] Bytes);
