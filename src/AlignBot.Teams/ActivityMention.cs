namespace AlignBot.Teams;

/// <summary>A <c>mention</c> entity: who was mentioned and the text that mentioned them ("&lt;at&gt;AlignBot&lt;/at&gt;").</summary>
internal sealed record ActivityMention(string? Id, string? Name, string? Text);
