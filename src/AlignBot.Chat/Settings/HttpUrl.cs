namespace AlignBot.Chat.Settings;

/// <summary>What a URL setting must be: absolute, with the http or https scheme.</summary>
public static class HttpUrl
{
    public static bool IsValid(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
