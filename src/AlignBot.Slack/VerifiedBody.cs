namespace AlignBot.Slack;

/// <summary>The raw request body after its signature checked out; endpoints parse only this.</summary>
internal sealed record VerifiedBody(byte[] Bytes);
