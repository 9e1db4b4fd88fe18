namespace AlignBot.Chat.Daily;

/// <summary>
/// How long a day's claim is kept after its n-th failed attempt: <see cref="First"/> × 2^(n−1), at most
/// <see cref="Longest"/>, times <see cref="Jitter"/>. Plain data, so the store counts the attempt and sets the lease in
/// one statement instead of calling back into the service.
/// </summary>
public readonly record struct RetryBackoff(TimeSpan First, TimeSpan Longest, double Jitter)
{
    /// <summary>The delay after <paramref name="attempts"/> failed attempts (the rule the stores apply).</summary>
    public TimeSpan After(int attempts) =>
        TimeSpan.FromMilliseconds((long)(Math.Min(First.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20)), Longest.TotalMilliseconds) * Jitter));
}
