namespace AlignBot.Glossary.Corpus;

/// <summary>
/// The rules that span term files (related slugs exist, aliases and acronyms belong to one term only) and the ones
/// that depend on today's date (entries about moving subjects are checked at least yearly).
/// </summary>
internal static class CorpusValidator
{
    /// <summary>How long the facts of an entry about a moving subject stay trusted without a new check.</summary>
    public const int MovingSubjectMonths = 12;

    /// <summary>Adds to <paramref name="problems"/> every rule the loaded terms break, across files.</summary>
    /// <param name="terms">The terms that parsed.</param>
    /// <param name="fileSlugs">Every term file's slug, including files that failed to parse, so that a link to a
    /// broken file is reported once (on that file) and not again on every file that links to it.</param>
    /// <param name="problems">Where the problems found are added.</param>
    /// <param name="today">The date the review rules are judged against.</param>
    public static void Validate(IReadOnlyList<Term> terms, IReadOnlySet<string> fileSlugs, List<CorpusProblem> problems, DateOnly today)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms.Where(t => t.Name.Length > 0))
        {
            if (names.TryGetValue(term.Name, out var first))
                problems.Add(Error(term, "term", $"'{term.Name}' is already the name of '{first}'"));
            else
                names[term.Name] = term.Slug;
        }

        foreach (var term in terms)
        {
            foreach (var slug in term.Related.Where(s => !fileSlugs.Contains(s)))
                problems.Add(Error(term, "related", $"'{slug}' names no term in the corpus"));
        }

        // name → owner for every alias and acronym, case-insensitive; a clash is reported on both files.
        var owners = new Dictionary<string, (Term Term, string Field)>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            foreach (var (field, value) in term.Aliases.Select(a => ("aliases", a)).Concat(term.Acronyms.Select(a => ("acronyms", a))))
            {
                if (names.TryGetValue(value, out var named) && named != term.Slug)
                    problems.Add(Error(term, field, $"'{value}' is the name of term '{named}'"));
                else if (string.Equals(value, term.Name, StringComparison.OrdinalIgnoreCase))
                    problems.Add(Warning(term, field, $"'{value}' repeats the term's own name"));

                if (owners.TryGetValue(value, out var owner))
                {
                    if (owner.Term.Slug == term.Slug)
                        problems.Add(Error(term, field, $"'{value}' is listed twice"));
                    else
                        problems.Add(Error(term, field, $"'{value}' is already an alias or acronym of '{owner.Term.Slug}' ({owner.Field})"));
                }
                else
                    owners[value] = (term, field);
            }
        }

        var linked = terms.SelectMany(t => t.Related).ToHashSet(StringComparer.Ordinal);
        foreach (var term in terms.Where(t => !linked.Contains(t.Slug)))
            problems.Add(Warning(term, "related", "no other term links to this one"));

        foreach (var term in terms)
            CheckDates(term, today, problems);
    }

    /// <summary>
    /// An entry is about a moving subject when it has a <c>checked</c> date or is in the governance category (laws,
    /// frameworks, institutes). Its facts are stale once the last check (or review) is over a year old.
    /// </summary>
    private static void CheckDates(Term term, DateOnly today, List<CorpusProblem> problems)
    {
        foreach (var (field, date) in new[] { ("reviewed", term.Reviewed), ("checked", term.Checked) })
        {
            if (date > today)
                problems.Add(Warning(term, field, $"{date:yyyy-MM-dd} is in the future"));
        }

        var moving = term.Checked is not null || term.Category == "governance";
        if (!moving)
            return;
        if (term.Checked is null)
            problems.Add(Warning(term, "checked", "a governance entry describes something that moves; add checked: yyyy-MM-dd once its facts are verified"));
        if ((term.Checked ?? term.Reviewed) is { } last && last.AddMonths(MovingSubjectMonths) < today)
            problems.Add(Warning(term, term.Checked is null ? "reviewed" : "checked",
                $"about a moving subject and last checked {last:yyyy-MM-dd}, over {MovingSubjectMonths} months ago; verify its facts and update the date"));
    }

    private static CorpusProblem Error(Term term, string field, string message) =>
        new(term.Slug + ".md", field, message, ProblemSeverity.Error);

    private static CorpusProblem Warning(Term term, string field, string message) =>
        new(term.Slug + ".md", field, message, ProblemSeverity.Warning);
}
