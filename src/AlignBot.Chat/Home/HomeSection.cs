using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Home;

/// <summary>One part of a <see cref="HomePage"/>. A closed set: every renderer covers each case.</summary>
public abstract record HomeSection
{
    private HomeSection()
    {
    }

    /// <summary>A box that finds a term as the person types, over a glossary of <paramref name="TermCount"/> terms.</summary>
    public sealed record Search(int TermCount) : HomeSection;

    /// <summary>Today's term, the same for everyone on a given (UTC) day.</summary>
    public sealed record TodaysTerm(TermRef Term, string Category) : HomeSection;

    /// <summary>
    /// The workspace's own terms, by name: at most <see cref="HomePages.ListedTerms"/> of the <paramref name="Total"/> it has.
    /// Only on the home of a workspace that has added terms.
    /// </summary>
    public sealed record WorkspaceTerms(IReadOnlyList<TermRef> Terms, int Total) : HomeSection;

    /// <summary>The workspace's newest approved terms, newest first, each with who suggested and approved it and when.</summary>
    public sealed record RecentAdditions(IReadOnlyList<WorkspaceTerm> Terms) : HomeSection;

    /// <summary>For a curator: the oldest pending suggestions, at most <see cref="HomePages.ListedItems"/> of <paramref name="Total"/>.</summary>
    public sealed record PendingReview(IReadOnlyList<Suggestion> Pending, int Total) : HomeSection;

    /// <summary>For a curator: the workspace's most asked questions that nothing answered, most asked first.</summary>
    public sealed record Unanswered(IReadOnlyList<UnansweredQuestion> Questions) : HomeSection;

    /// <summary>Every term, by category in the glossary's order of categories, each category's terms by name.</summary>
    public sealed record Glossary(IReadOnlyList<HomeCategory> Categories) : HomeSection;
}
