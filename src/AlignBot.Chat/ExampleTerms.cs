namespace AlignBot.Chat;

/// <summary>
/// Well-known terms offered where nothing was asked yet: the first <see cref="InHelp"/> as examples on the help card,
/// all of them when the Teams message extension opens. Slugs the corpus lacks are skipped by whoever shows them.
/// </summary>
public static class ExampleTerms
{
    /// <summary>How many of <see cref="Slugs"/> the help card shows.</summary>
    public const int InHelp = 5;

    public static readonly IReadOnlyList<string> Slugs =
        ["sycophancy", "reward-hacking", "rlhf", "scalable-oversight", "prompt-injection", "ai-alignment", "jailbreak", "hallucination"];
}
