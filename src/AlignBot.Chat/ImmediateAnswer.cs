namespace AlignBot.Chat;

/// <summary>
/// A reply the glossary gave at once (<see cref="Bot.AnswerAtOnce"/>), and the bot's word on whether it may be cached:
/// true only when the same words always get the same reply until the corpus changes (a term card, a comparison, a
/// search, "no definition"), never for help, a random term or a term-of-the-day reply.
/// </summary>
public sealed record ImmediateAnswer(Reply Reply, bool MayBeCached);
