namespace AlignBot.Testing;

/// <summary>One request a loopback fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string ContentType, string Body);
