using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Chat;

/// <summary>Everything the bot can say. Renderers switch over this closed set; none of it knows a platform.</summary>
public abstract record Reply
{
    private Reply()
    {
    }

    /// <summary>A term's card: the whole term (name, summary, body, category, sources) and its related terms as buttons.</summary>
    /// <param name="Term">The term shown.</param>
    /// <param name="Related">Its related terms, shown as buttons.</param>
    /// <param name="CorrectedFrom">The user's words when they were misspelt and corrected, for a "showing results for" line.</param>
    /// <param name="Heading">A line above the card, e.g. "Term of the day".</param>
    /// <param name="Senses">The term's senses in the order to show them, the one the question was about first; null
    /// for the file's order.</param>
    /// <param name="Alternatives">Set when the card is a plausible guess rather than a confident answer: the card is
    /// shown under "Did you mean <i>term</i>?" with these next candidates as buttons (possibly none).</param>
    /// <param name="Origin">Set when the term is the workspace's own rather than the corpus's: who suggested and approved it, for the card's footer.</param>
    public sealed record TermCard(Term Term, IReadOnlyList<TermRef> Related, string? CorrectedFrom = null, string? Heading = null,
        IReadOnlyList<TermSense>? Senses = null, IReadOnlyList<TermRef>? Alternatives = null, WorkspaceTerm? Origin = null) : Reply
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

    /// <summary>
    /// A short confirmation or explanation (term-of-the-day settings, errors a person can fix). When it names people,
    /// <paramref name="Text"/> holds <see cref="Notice.UserSlot"/> where each goes: <paramref name="User"/> in every slot, or
    /// <paramref name="People"/> one per slot in order; each renderer writes a person its own way (a Slack mention, a display name).
    /// </summary>
    public sealed record Notice(string Text, ChatUser? User = null, IReadOnlyList<ChatUser>? People = null) : Reply
    {
        /// <summary>Marks where a person goes in <see cref="Text"/>.</summary>
        public const string UserSlot = "{user}";

        /// <summary>
        /// Words a user typed (a term's name), made safe to put into a <see cref="Text"/> that names people: a word joiner after
        /// the slot's brace, so "Drill {user} plan" reads as typed and never becomes a slot where someone is mentioned.
        /// </summary>
        public static string Words(string userWords) => userWords.Replace(UserSlot, "{\u2060" + UserSlot[1..], StringComparison.Ordinal);

        /// <summary>The text with every part escaped by <paramref name="escape"/> and each person written by <paramref name="user"/>.</summary>
        public string Format(Func<string, string> escape, Func<ChatUser, string> user)
        {
            var parts = Text.Split(UserSlot);
            if (User is null && People is null)
                return escape(Text);
            var written = new System.Text.StringBuilder(escape(parts[0]));
            for (var i = 1; i < parts.Length; i++)
            {
                var person = People is { } people ? (i - 1 < people.Count ? people[i - 1] : null) : User;
                written.Append(person is null ? "" : user(person)).Append(escape(parts[i]));
            }
            return written.ToString();
        }

        /// <summary>Plain text, people by display name.</summary>
        public override string ToString() => Format(text => text, DisplayName);

        /// <summary>How a person is named where a platform has no mentions: the display name, else "someone".</summary>
        public static string DisplayName(ChatUser user) => user.Name ?? "someone";
    }

    /// <summary>How to use the bot, with a few terms to try.</summary>
    public sealed record Help(IReadOnlyList<HelpCommand> Commands, IReadOnlyList<TermRef> Examples, int TermCount) : Reply;

    /// <summary>
    /// The form to suggest a term (or, with <paramref name="SuggestionId"/>, for a curator to edit a pending suggestion before
    /// approving it; with <paramref name="TermSlug"/>, to edit an approved workspace term), prefilled with <paramref name="Draft"/>;
    /// <paramref name="Errors"/> says what to fix after a submission.
    /// </summary>
    public sealed record SuggestForm(TermDraft Draft, string? SuggestionId = null, IReadOnlyDictionary<DraftField, string>? Errors = null,
        string? TermSlug = null) : Reply
    {
        /// <summary>The form's heading: what submitting it does.</summary>
        public string Title => TermSlug is not null ? "Edit the workspace term" : SuggestionId is not null ? "Edit the suggestion, then approve it"
            : "Suggest a term for this workspace's glossary";

        /// <summary>The submit button's label.</summary>
        public string SubmitLabel => TermSlug is not null ? "Save" : SuggestionId is not null ? "Approve" : "Suggest";

        /// <summary>The errors to show, or none.</summary>
        public IReadOnlyDictionary<DraftField, string> ErrorList => Errors ?? new Dictionary<DraftField, string>();
    }

    /// <summary>
    /// A suggestion as curators see it: pending, with Approve, Edit and Reject; or decided, saying by whom. Related terms
    /// are shown by name where the glossary has them.
    /// </summary>
    public sealed record Review(Suggestion Suggestion, IReadOnlyList<TermRef> Related) : Reply;

    /// <summary>
    /// What went unanswered in a workspace and which terms helped least, each with a button to add a definition (the
    /// weekly digest, and "unanswered" on demand).
    /// </summary>
    public sealed record Digest(IReadOnlyList<UnansweredQuestion> Questions, IReadOnlyList<(TermRef Term, TermRating Rating)> LeastHelpful) : Reply;
}
