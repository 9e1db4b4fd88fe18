namespace AlignBot.Chat.Stores;

/// <summary>A question nothing answered, as normalized text, how often it was asked and when last; never who asked.</summary>
public sealed record UnansweredQuestion(string Text, int Count, DateTimeOffset LastSeen);
