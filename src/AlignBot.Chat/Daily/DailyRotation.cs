using System.Security.Cryptography;
using System.Text;
using AlignBot.Glossary;

namespace AlignBot.Chat.Daily;

/// <summary>
/// Which term a channel gets next: its own fixed order of all terms (a hash of the channel's seed and each slug, so
/// orders differ between channels and survive restarts), skipping the ones already shown this round. Terms added to
/// the corpus join the round where their hash puts them; removed ones simply stop being candidates.
/// </summary>
public static class DailyRotation
{
    /// <summary>The next term, and whether the round was complete (the caller then resets the shown set).</summary>
    public static (Term Term, bool NewRound) Next(IReadOnlyList<Term> terms, string seed, IReadOnlySet<string> shown)
    {
        var ordered = terms.OrderBy(t => Rank(seed, t.Slug)).ThenBy(t => t.Slug, StringComparer.Ordinal).ToList();
        var next = ordered.FirstOrDefault(t => !shown.Contains(t.Slug));
        return next is null ? (ordered[0], true) : (next, false);
    }

    private static ulong Rank(string seed, string slug) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + slug)), 0);
}
