namespace AlignBot.Chat.Stores;

/// <summary>How often a term's card was marked helpful and not helpful in one workspace.</summary>
public sealed record TermRating(string Slug, int Helpful, int NotHelpful);
