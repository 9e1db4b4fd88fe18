namespace AlignBot.Testing;

/// <summary>The real Slack and Teams payloads in ../shared/fixtures.</summary>
public static class Fixtures
{
    public static string Path(string relative) => System.IO.Path.Combine(RepoPaths.Shared, "fixtures", relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));
}
