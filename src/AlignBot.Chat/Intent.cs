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
}
