namespace AlignBot.Chat.Home;

/// <summary>
/// What a person's home in a chat app shows (Slack's Home tab), as sections in order, for each platform to draw. The
/// core decides what is on it (<see cref="HomePages"/>); renderers switch over <see cref="HomeSection"/>.
/// </summary>
public sealed record HomePage(IReadOnlyList<HomeSection> Sections);
