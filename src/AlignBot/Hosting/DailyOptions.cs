using System.ComponentModel.DataAnnotations;

namespace AlignBot.Hosting;

/// <summary>The term-of-the-day scheduler (section <c>Daily</c>).</summary>
public sealed class DailyOptions
{
    public const string Section = "Daily";

    /// <summary>How often each replica looks for due posts, in seconds.</summary>
    [Range(0.05, 300)]
    public double PollSeconds { get; set; } = 20;
}
