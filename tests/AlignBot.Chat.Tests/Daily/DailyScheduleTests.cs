using AlignBot.Chat.Daily;

namespace AlignBot.Chat.Tests.Daily;

public sealed class DailyScheduleTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Post_time_follows_daylight_saving_in_the_channels_zone()
    {
        var schedule = new DailySchedule(new TimeOnly(9, 0), "America/New_York", WeekdaysOnly: false);

        Assert.Equal(Utc(2026, 3, 7, 14, 0), schedule.InstantOn(new DateOnly(2026, 3, 7)));   // EST, UTC-5
        Assert.Equal(Utc(2026, 3, 9, 13, 0), schedule.InstantOn(new DateOnly(2026, 3, 9)));   // EDT, UTC-4
    }

    [Fact]
    public void Time_skipped_by_spring_forward_moves_to_the_end_of_the_gap()
    {
        var schedule = new DailySchedule(new TimeOnly(1, 30), "Europe/London", WeekdaysOnly: false);

        Assert.Equal(Utc(2026, 3, 29, 1, 0), schedule.InstantOn(new DateOnly(2026, 3, 29)));   // 02:00 BST, the first valid minute
    }

    [Fact]
    public void Time_repeated_by_fall_back_posts_at_its_first_occurrence()
    {
        var schedule = new DailySchedule(new TimeOnly(1, 30), "Europe/London", WeekdaysOnly: false);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), schedule.InstantOn(new DateOnly(2026, 10, 25)));   // 01:30 BST, not 01:30 GMT
    }

    [Fact]
    public void Weekdays_skip_the_weekend()
    {
        var schedule = new DailySchedule(new TimeOnly(9, 0), "Europe/Berlin", WeekdaysOnly: true);

        Assert.Null(schedule.DueDate(Utc(2026, 11, 28, 12, 0)));                                  // Saturday
        Assert.Equal(new DateOnly(2026, 11, 27), schedule.DueDate(Utc(2026, 11, 27, 8, 30)));     // Friday 09:30 CET
        Assert.Equal(Utc(2026, 11, 30, 8, 0), schedule.Next(Utc(2026, 11, 27, 9, 0)));            // → Monday 09:00
    }

    [Fact]
    public void Nothing_is_due_before_the_time_and_zones_have_their_own_date()
    {
        var tokyo = new DailySchedule(new TimeOnly(9, 0), "Asia/Tokyo", WeekdaysOnly: false);
        var hawaii = new DailySchedule(new TimeOnly(9, 0), "Pacific/Honolulu", WeekdaysOnly: false);
        var now = Utc(2026, 11, 24, 23, 30);   // Wed 08:30 in Tokyo, Tue 13:30 in Honolulu

        Assert.Null(tokyo.DueDate(now));
        Assert.Equal(new DateOnly(2026, 11, 24), hawaii.DueDate(now));
        Assert.Equal(new DateOnly(2026, 11, 25), tokyo.DueDate(now.AddHours(1)));
    }
}
