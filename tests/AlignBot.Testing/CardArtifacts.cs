namespace AlignBot.Testing;

/// <summary>
/// Every card a test renders is also written to <c>artifacts/cards/{slack,teams}/</c> (or $ALIGNBOT_CARDS_DIR), where
/// .ci/run checks them with tools/cardcheck/check-blockkit and check-adaptivecard.
/// </summary>
public static class CardArtifacts
{
    public static string Directory(string platform)
    {
        var root = Environment.GetEnvironmentVariable("ALIGNBOT_CARDS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoPaths.Root, "artifacts", "cards");
        var folder = Path.Combine(root, platform);
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Write(string platform, string name, string json)
    {
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        File.WriteAllText(Path.Combine(Directory(platform), safe + ".json"), json);
    }
}
