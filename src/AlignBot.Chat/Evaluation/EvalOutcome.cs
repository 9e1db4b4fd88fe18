namespace AlignBot.Chat.Evaluation;

/// <summary>What the bot did with one case: the slug it answered with (if any), the ranked slugs shown, the scores.</summary>
public sealed record EvalOutcome(EvalCase Case, string? Answered, IReadOnlyList<string> Ranked, bool Top1, double ReciprocalRank);
