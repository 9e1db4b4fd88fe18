using AlignBot.Glossary;

namespace AlignBot.Chat;

/// <summary>A pointer to a term with what a button or list line shows: slug (the button value), name, summary.</summary>
public sealed record TermRef(string Slug, string Name, string Summary)
{
    public static TermRef Of(Term term) => new(term.Slug, term.Name, term.Summary);
}
