using System.Globalization;
using AlignBot.Chat.Living;
using CsvHelper;
using CsvHelper.Configuration;

namespace AlignBot.Cli;

/// <summary>
/// Reads <c>term,definition[,aliases]</c> rows, the shape other glossary bots export: a header row is skipped when its
/// first cell is "term"; quoted fields may hold commas and line breaks (RFC 4180, by CsvHelper); aliases within their cell
/// are separated by commas or semicolons. A row with fewer than two cells is reported by line, not thrown.
/// </summary>
internal static class CsvImport
{
    public sealed record Row(int Line, DraftInput? Input, string? Error);

    public static IEnumerable<Row> Read(TextReader text)
    {
        using var csv = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null });
        var first = true;
        while (csv.Read())
        {
            var line = csv.RawRow;
            var cells = csv.Record ?? [];
            if (first && cells.Length > 0 && cells[0].Trim().Equals("term", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }
            first = false;
            if (cells.All(string.IsNullOrWhiteSpace))
                continue;
            yield return cells.Length < 2
                ? new Row(line, null, "expected term,definition[,aliases]")
                : new Row(line, new DraftInput(cells[0], cells.Length > 2 ? cells[2] : null, cells[1], null, []), null);
        }
    }
}
