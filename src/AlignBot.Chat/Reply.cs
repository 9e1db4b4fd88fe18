using AlignBot.Glossary;

namespace AlignBot.Chat;

/// <summary>Everything the bot can say. Renderers switch over this closed set; none of it knows a platform.</summary>
public abstract record Reply
{
    private Reply()
    {
    }

    /// <summary>A term's card: the whole term (name, summary, body, category, sources) and its related terms as buttons.</summary>
    /// <param name="CorrectedFrom">The user's words when they were misspelt and corrected, for a "showing results for" line.</param>
    /// <param name="Heading">A line above the card, e.g. "Term of the day".</param>
    /// <param name="Senses">The term's senses in the order to show them, the one the question was about first; null
    /// for the file's order.</param>
    /// <param name="Alternatives">Set when the card is a plausible guess rather than a confident answer: the card is
    /// shown under "Did you mean <i>term</i>?" with these next candidates as buttons (possibly none).</param>
    public sealed record TermCard(Term Term, IReadOnlyList<TermRef> Related, string? CorrectedFrom = null, string? Heading = null,
        IReadOnlyList<TermSense>? Senses = null, IReadOnlyList<TermRef>? Alternatives = null) : Reply
    {
        /// <summary>The senses to show, in order (none for most terms).</summary>
        public IReadOnlyList<TermSense> SensesInOrder => Senses ?? Term.SenseList;

        /// <summary>Whether the card is a guess, shown as "Did you mean …?".</summary>
        public bool IsGuess => Alternatives is not null;
    }

    /// <summary>Two or three terms side by side ("X vs Y", "difference between X and Y", "X vs Y vs Z"), in the order asked.</summary>
    public sealed record Comparison(IReadOnlyList<Term> Terms) : Reply
    {
        /// <summary>"A vs B vs C".</summary>
        public string Title => string.Join(" vs ", Terms.Select(t => t.Name));
    }

    /// <summary>
    /// The answer to a greeting, thanks, "who are you" or "what can you do": a short friendly line saying what to
    /// ask, with a few terms to try.
    /// </summary>
    public sealed record Greeting(string Text, IReadOnlyList<TermRef> Examples) : Reply;

    /// <summary>A ranked list of terms for "search &lt;words&gt;".</summary>
    public sealed record SearchResults(string Query, IReadOnlyList<TermRef> Items) : Reply;

    /// <summary>The related terms of one term ("related &lt;term&gt;").</summary>
    public sealed record RelatedTerms(TermRef Of, IReadOnlyList<TermRef> Items) : Reply;

    /// <summary>No confident answer: what was asked and up to three terms it may have meant.</summary>
    public sealed record NotFound(string Query, IReadOnlyList<TermRef> DidYouMean) : Reply;

    /// <summary>A short confirmation or explanation (term-of-the-day settings, errors a person can fix).</summary>
    public sealed record Notice(string Text) : Reply;

    /// <summary>How to use the bot, with a few terms to try.</summary>
    public sealed record Help(IReadOnlyList<HelpCommand> Commands, IReadOnlyList<TermRef> Examples, int TermCount) : Reply;
}
