using AlignBot.Chat.Daily;

namespace AlignBot.Chat.Tests.Daily;

/// <summary>Parsing <c>daily …</c>: only canonical IANA zone names (and UTC) are zones, and parsing never throws.</summary>
public sealed class DailyCommandTests
{
    [Theory]
    [InlineData("Europe")]
    [InlineData("America")]
    [InlineData("Etc")]
    [InlineData("US")]
    [InlineData("posix")]
    [InlineData("right")]
    [InlineData("Europe/")]
    [InlineData("posix/Europe/London")]
    [InlineData("right/Europe/London")]
    [InlineData("localtime")]
    [InlineData("Factory")]
    [InlineData("US/Eastern")]
    [InlineData("../../../etc/passwd")]
    public void Anything_but_a_canonical_zone_is_refused_with_the_unknown_zone_answer(string zone)
    {
        var command = DailyCommand.Parse($"on 10:00 {zone}");

        var invalid = Assert.IsType<DailyCommand.Invalid>(command);
        Assert.Contains("is not a time zone I know", invalid.Error);
    }

    [Theory]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("UTC", "UTC")]
    [InlineData("utc", "UTC")]
    public void Canonical_zones_are_accepted_in_their_canonical_spelling(string typed, string canonical)
    {
        var on = Assert.IsType<DailyCommand.TurnOn>(DailyCommand.Parse($"on 10:00 {typed}"));

        Assert.Equal(canonical, on.TimeZone);
    }
}
