namespace AlignBot.Hosting;

/// <summary>
/// Section <c>App</c>. <c>App:PublicBaseUrl</c> becomes the link of every card, so it is checked at start-up: empty, or
/// an absolute http(s) URL. (The renderers read it as they are registered.)
/// </summary>
public sealed class AppOptions
{
    public const string Section = "App";

    public string PublicBaseUrl { get; set; } = "";
}
