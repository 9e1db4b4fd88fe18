namespace AlignBot.Playground;

/// <summary>The local playground (section <c>Playground</c>).</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>Serve the playground at <c>/</c>. Unset: on in Development, off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Accept playground messages from other machines too (default: loopback only, see <see cref="LoopbackClient"/>).
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>Messages per minute per client address; more get 429. At least 1 (checked at start-up).</summary>
    public int PermitsPerMinute { get; set; } = 120;
}
