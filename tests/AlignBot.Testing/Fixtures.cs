namespace AlignBot.Testing;

/// <summary>Slack and Teams payloads in tests/fixtures, each shaped after a documented one (tests/fixtures/README.md).</summary>
public static class Fixtures
{
    public static string Path(string relative) => System.IO.Path.Combine(RepoPaths.Fixtures, relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));
}
