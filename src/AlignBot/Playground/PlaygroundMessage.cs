namespace AlignBot.Playground;

/// <summary>What the page posts: typed text, or a button's action id and value.</summary>
public sealed record PlaygroundMessage(string? Text, string? ActionId = null, string? ActionValue = null);
