namespace AlignBot.Chat.Daily;

/// <summary>A channel's term-of-the-day subscription. <see cref="Seed"/> gives each channel its own order of terms.</summary>
public sealed record DailySubscription(
    ChannelKey Channel,
    DailySchedule Schedule,
    bool Enabled,
    string Seed,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string? DisabledReason = null);
