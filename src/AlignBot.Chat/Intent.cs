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

    /// <summary>A button asking for one term by slug.</summary>
    public sealed record ShowTerm(string Slug) : Intent;

    /// <summary>A button asking for two terms side by side, by slug (a shared comparison).</summary>
    public sealed record ComparePair(string First, string Second) : Intent;
}
