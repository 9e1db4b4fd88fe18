using AlignBot.Glossary;

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

    /// <summary>Every term, by category in the glossary's order of categories, each category's terms by name.</summary>
    public sealed record Glossary(IReadOnlyList<HomeCategory> Categories) : HomeSection;
}
