using System.Globalization;
using System.Text;

namespace AlignBot.Glossary.Analysis;

/// <summary>Keys that make exact matching insensitive to case, spacing and punctuation.</summary>
public static class TextKeys
{
    /// <summary>
    /// Letters and digits only, lower case, accents removed: "R.L.H.F." → "rlhf", "jail break" → "jailbreak",
    /// "Goodhart's law" → "goodhartslaw", "reward-hacking" → "rewardhacking".
    /// </summary>
    public static string Compact(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
        }
        return builder.ToString();
    }
}
