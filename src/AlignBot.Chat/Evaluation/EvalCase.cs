namespace AlignBot.Chat.Evaluation;

/// <summary>
/// One line of an eval file: a message, what it expects (<see cref="Expectation"/> and the slugs that count as
/// right) and, in the four-column chat sets, the pattern it tests and its split (dev or holdout).
/// </summary>
public sealed record EvalCase(int Line, string Query, IReadOnlyList<string> Expected, EvalExpectation Expectation,
    string Pattern = EvalCase.NoPattern, string Split = EvalCase.NoSplit)
{
    /// <summary>The pattern of a line from a two-column set.</summary>
    public const string NoPattern = "-";

    /// <summary>The split of a line from a two-column set.</summary>
    public const string NoSplit = "all";

    /// <summary>
    /// The split kept aside for the final figure: reported by its scores only, never line by line, so that developing
    /// on the other lines does not show it.
    /// </summary>
    public const string HoldoutSplit = "holdout";

    public bool Holdout => Split == HoldoutSplit;

    public bool ExpectsNothing => Expectation == EvalExpectation.Nothing;

    /// <summary>
    /// Parses "message&lt;TAB&gt;expected" or "message&lt;TAB&gt;expected&lt;TAB&gt;pattern&lt;TAB&gt;split" lines;
    /// '#' starts a comment. Expected is a slug, <c>a|b</c> (any), <c>a+b[+c]</c> (a comparison showing all),
    /// <c>-</c> (no answer) or <c>~</c> (a greeting reply).
    /// </summary>
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
            var columns = line.Split('\t');
            var (query, expected, pattern, split) = columns.Length switch
            {
                4 => (columns[0], columns[1], columns[2].Trim(), columns[3].Trim()),
                >= 2 => (line[..line.LastIndexOf('\t')], columns[^1], NoPattern, NoSplit),
                _ => throw new FormatException($"line {number}: expected 'message<TAB>expected[<TAB>pattern<TAB>split]', got '{line}'"),
            };
            cases.Add(Case(number, query.Trim(), expected.Trim(), pattern, split));
        }
        return cases;
    }

    private static EvalCase Case(int number, string query, string expected, string pattern, string split)
    {
        if (expected == "-")
            return new EvalCase(number, query, [], EvalExpectation.Nothing, pattern, split);
        if (expected == "~")
            return new EvalCase(number, query, [], EvalExpectation.Greeting, pattern, split);
        var comparison = expected.Contains('+');
        var slugs = expected.Split(comparison ? '+' : '|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (slugs.Length == 0)
            throw new FormatException($"line {number}: no expected slug");
        return new EvalCase(number, query, slugs, comparison ? EvalExpectation.Comparison : EvalExpectation.Term, pattern, split);
    }
}
