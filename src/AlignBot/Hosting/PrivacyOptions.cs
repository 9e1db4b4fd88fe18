using System.ComponentModel.DataAnnotations;

namespace AlignBot.Hosting;

/// <summary>What AlignBot keeps about what people asked (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Keep questions nothing answered, per workspace, as normalized text with a count and last-seen date (never who asked), for curators' digests.</summary>
    public bool KeepUnanswered { get; set; } = true;

    /// <summary>How many days an unanswered question is kept after it was last asked.</summary>
    [Range(1, 3650)]
    public int UnansweredDays { get; set; } = 90;
}
