namespace AlignBot.Chat;

/// <summary>What a request asks for, once understood. The bot switches over this closed set.</summary>
public abstract record Intent
{
    private Intent()
    {
    }

    public sealed record Define(string Subject) : Intent;

    public sealed record Search(string Words) : Intent;

    public sealed record Random : Intent;

    public sealed record Related(string Subject) : Intent;

    public sealed record Help : Intent;

    /// <summary>Term-of-the-day settings: the words after "daily".</summary>
    public sealed record Daily(string Arguments) : Intent;

    /// <summary>Anything else: a term, a question about one, or a comparison of two.</summary>
    public sealed record Question(string Text) : Intent;

    /// <summary>Small talk: a hello, thanks, "who are you", or a message with nothing left to ask once the noise is gone.</summary>
    public sealed record Greeting(bool Thanks) : Intent;

    /// <summary>A button asking for one term by slug.</summary>
    public sealed record ShowTerm(string Slug) : Intent;

    /// <summary>A button asking for two or three terms side by side, by slug (a shared comparison).</summary>
    public sealed record CompareTerms(IReadOnlyList<string> Slugs) : Intent;

    /// <summary>"suggest &lt;term&gt;", the Suggest button and the digest's Add definition: open the form with the name prefilled.</summary>
    public sealed record SuggestTerm(string Name) : Intent;

    /// <summary>"curators add @x", "curators remove @x", "curators list" (also plain "curators").</summary>
    public sealed record Curators(CuratorChange Change, IReadOnlyList<ChatUser> People) : Intent;

    /// <summary>"review here": a curator makes this channel the review channel.</summary>
    public sealed record ReviewHere : Intent;

    /// <summary>"unanswered": the digest of unanswered questions and least helpful terms, for a curator.</summary>
    public sealed record Unanswered : Intent;

    /// <summary>A curator's Approve or Reject on a suggestion, by id.</summary>
    public sealed record Decide(string SuggestionId, bool Approve) : Intent;

    /// <summary>A curator's Edit on a suggestion, by id: the form, prefilled with it.</summary>
    public sealed record EditSuggestion(string SuggestionId) : Intent;

    /// <summary>
    /// "edit &lt;term&gt;" and the Edit button on a workspace term's card (by slug): a curator opens the form prefilled with the
    /// term as it is now.
    /// </summary>
    public sealed record EditTerm(string Name) : Intent;

    /// <summary>"forget &lt;term&gt;": a curator removes one of the workspace's own terms (its history is kept).</summary>
    public sealed record ForgetTerm(string Name) : Intent;

    /// <summary>Helpful / Not helpful on a term's card.</summary>
    public sealed record Rate(string Slug, bool Helpful) : Intent;
}
