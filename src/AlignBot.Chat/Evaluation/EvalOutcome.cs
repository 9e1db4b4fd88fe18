namespace AlignBot.Chat.Evaluation;

/// <summary>
/// What the bot did with one case: the slug its card answered with (the first of a comparison; none when no card
/// was shown), every slug shown in order (card or compared terms first, then other candidates), whether it gave
/// the friendly reply, and the scores.
/// </summary>
public sealed record EvalOutcome(EvalCase Case, string? Answered, IReadOnlyList<string> Ranked, bool Friendly, bool Top1, double ReciprocalRank)
{
    /// <summary>A card (or comparison) was shown.</summary>
    public bool Carded => Answered is not null;
}
