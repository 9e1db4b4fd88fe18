using System.Globalization;
using System.Text.RegularExpressions;

namespace AlignBot.Chat.Daily;

/// <summary>
/// <c>daily on [HH:MM] [time zone] [weekdays|every day]</c>, <c>daily off</c>, <c>daily status</c>, <c>daily now</c>.
/// Parsing never throws: a bad time or zone becomes <see cref="Invalid"/> with a message that says how to fix it.
/// </summary>
public abstract partial record DailyCommand
{
    private DailyCommand()
    {
    }

    public sealed record TurnOn(TimeOnly? At, string? TimeZone, bool? WeekdaysOnly) : DailyCommand;

    public sealed record TurnOff : DailyCommand;

    public sealed record Status : DailyCommand;

    public sealed record Now : DailyCommand;

    public sealed record Invalid(string Error) : DailyCommand;

    public const string Usage = "daily on [HH:MM] [time zone] [weekdays|every day] · daily off · daily status · daily now";

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})$")]
    private static partial Regex Clock();

    public static DailyCommand Parse(string arguments)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0)
            return new Status();
        switch (words[0].ToLowerInvariant())
        {
            case "off" or "stop" when words.Count == 1:
                return new TurnOff();
            case "status" when words.Count == 1:
                return new Status();
            case "now" when words.Count == 1:
                return new Now();
            case "on" or "start":
                break;
            default:
                return new Invalid($"I don't know “daily {Clip(arguments)}”. Use: {Usage}.");
        }

        TimeOnly? at = null;
        string? zone = null;
        bool? weekdays = null;
        var rest = string.Join(' ', words.Skip(1)).ToLowerInvariant();
        foreach (var (phrase, value) in new[] { ("every day", false), ("everyday", false), ("daily", false), ("weekdays", true), ("workdays", true) })
        {
            if (rest.Contains(phrase, StringComparison.Ordinal))
            {
                weekdays = value;
                words = [.. words.Take(1), .. string.Join(' ', words.Skip(1)).Replace(phrase, " ", StringComparison.OrdinalIgnoreCase)
                    .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];
                break;
            }
        }
        foreach (var word in words.Skip(1))
        {
            var clock = Clock().Match(word);
            if (clock.Success || char.IsDigit(word[0]))
            {
                if (!clock.Success || !TimeOnly.TryParseExact(word.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                    return new Invalid($"“{Clip(word)}” is not a time of day. Use 24-hour HH:MM, e.g. daily on 09:30 Europe/London.");
                at = time;
            }
            else if (zone is null)
            {
                if (!IanaZones.TryCanonical(word, out var id))
                    return new Invalid($"“{Clip(word)}” is not a time zone I know. Use an IANA name such as Europe/London, America/New_York or UTC.");
                zone = id;
            }
            else
                return new Invalid($"I don't understand “{Clip(word)}”. Use: {Usage}.");
        }
        return new TurnOn(at, zone, weekdays);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
