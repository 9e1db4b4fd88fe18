namespace AlignBot.Chat.Daily;

/// <summary>When a channel gets its term: a local time of day in an IANA time zone, on weekdays or every day.</summary>
public sealed record DailySchedule(TimeOnly At, string TimeZone, bool WeekdaysOnly)
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public bool PostsOn(DateOnly day) => !WeekdaysOnly || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The channel's local date at <paramref name="now"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>
    /// The instant of the post on a local day. A time skipped by a daylight-saving jump (02:30 on the spring-forward
    /// night) moves to the first moment after the gap; a time that occurs twice (autumn) is its first occurrence.
    /// </summary>
    public DateTimeOffset InstantOn(DateOnly day)
    {
        var zone = Zone;
        var local = day.ToDateTime(At);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
        return new DateTimeOffset(local, offsets.Max());
    }

    /// <summary>The date of the post due at <paramref name="now"/>: today in the channel's zone if today is a posting day
    /// and its time has come. Missed days are never due: after downtime a post is made only if it is still that day.</summary>
    public DateOnly? DueDate(DateTimeOffset now)
    {
        var today = LocalDate(now);
        return PostsOn(today) && now >= InstantOn(today) ? today : null;
    }

    /// <summary>The next post strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset now)
    {
        for (var day = LocalDate(now); ; day = day.AddDays(1))
        {
            if (PostsOn(day) && InstantOn(day) > now)
                return InstantOn(day);
        }
    }

    public string Describe() => $"{At:HH\\:mm} {TimeZone}, {(WeekdaysOnly ? "weekdays" : "every day")}";
}
