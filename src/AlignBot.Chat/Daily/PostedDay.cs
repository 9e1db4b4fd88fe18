namespace AlignBot.Chat.Daily;

/// <summary>A term-of-the-day post that went out: where, for which local date, which term, when.</summary>
internal sealed record PostedDay(ChannelKey Channel, DateOnly Date, string Slug, DateTimeOffset At);
