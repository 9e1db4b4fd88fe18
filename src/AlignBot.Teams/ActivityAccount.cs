namespace AlignBot.Teams;

/// <summary>A <c>from</c> or <c>recipient</c> account: "29:…" for users, "28:&lt;appId&gt;" for the bot.</summary>
internal sealed record ActivityAccount(string Id, string? Name);
