namespace AlignBot.Chat.Stores;

/// <summary>How many people rated a term's card helpful and not helpful in one workspace.</summary>
public sealed record TermRating(string Slug, int Helpful, int NotHelpful);
