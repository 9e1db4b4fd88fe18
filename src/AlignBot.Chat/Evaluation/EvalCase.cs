namespace AlignBot.Chat.Evaluation;

/// <summary>One line of an eval file: a query and the slugs that count as right (none: nothing should be answered).</summary>
public sealed record EvalCase(int Line, string Query, IReadOnlyList<string> Expected)
{
    public bool ExpectsNothing => Expected.Count == 0;

    /// <summary>Parses "query&lt;TAB&gt;expected" lines; '#' starts a comment; expected is slug, a|b, or '-'.</summary>
    public static IReadOnlyList<EvalCase> Parse(IEnumerable<string> lines)
    {
        var cases = new List<EvalCase>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0)
                continue;
            var tab = line.LastIndexOf('\t');
            if (tab <= 0)
                throw new FormatException($"line {number}: expected 'query<TAB>expected', got '{line}'");
            var expected = line[(tab + 1)..].Trim();
            var slugs = expected == "-" ? [] : expected.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (expected != "-" && slugs.Length == 0)
                throw new FormatException($"line {number}: no expected slug");
            cases.Add(new EvalCase(number, line[..tab].Trim(), slugs));
        }
        return cases;
    }
}
