namespace AlignBot.Glossary.Analysis;

/// <summary>
/// Maps a lower-case British spelling to the American one the corpus mostly uses, before stemming, so
/// "optimisation", "misgeneralisation", "behaviour" and "modelling" find what "optimization", "misgeneralization",
/// "behavior" and "modeling" find. Suffix rules cover the regular families; a short word list covers the rest.
/// </summary>
public static class BritishSpelling
{
    // Words that end in -ise in American English too: never rewritten to -ize.
    private static readonly HashSet<string> IseWords =
    [
        "advise", "apprise", "arise", "chastise", "circumcise", "comprise", "compromise", "concise", "demise",
        "despise", "devise", "disguise", "enterprise", "excise", "exercise", "expertise", "franchise", "improvise",
        "incise", "likewise", "merchandise", "noise", "otherwise", "paradise", "poise", "praise", "precise",
        "premise", "promise", "raise", "reprise", "revise", "rise", "supervise", "surmise", "surprise", "televise",
        "treatise", "wise", "clockwise", "cruise", "bruise", "guise", "mortise", "vise", "anise", "braise",
        "sunrise", "appraise",
    ];

    // -our words and their American forms; prefixes, so "behavioural" and "favourite" follow.
    private static readonly (string British, string American)[] Stems =
    [
        ("behaviour", "behavior"), ("colour", "color"), ("favour", "favor"), ("honour", "honor"),
        ("labour", "labor"), ("neighbour", "neighbor"), ("rumour", "rumor"), ("humour", "humor"),
        ("harbour", "harbor"), ("endeavour", "endeavor"), ("flavour", "flavor"), ("vapour", "vapor"),
        ("armour", "armor"), ("odour", "odor"), ("rigour", "rigor"), ("vigour", "vigor"), ("candour", "candor"),
        ("modell", "model"), ("labell", "label"), ("travell", "travel"), ("cancell", "cancel"),
        ("signall", "signal"), ("fuell", "fuel"), ("levell", "level"), ("channell", "channel"),
        ("counsell", "counsel"), ("centre", "center"), ("metre", "meter"), ("theatre", "theater"),
        ("fibre", "fiber"), ("litre", "liter"), ("defence", "defense"), ("offence", "offense"),
        ("licence", "license"), ("pretence", "pretense"), ("catalogue", "catalog"), ("dialogue", "dialog"),
        ("analogue", "analog"), ("programme", "program"), ("judgement", "judgment"), ("ageing", "aging"),
        ("sceptic", "skeptic"), ("artefact", "artifact"),
    ];

    private static readonly string[] IseSuffixes = ["isations", "isation", "isers", "iser", "ising", "ised", "ises", "ise"];

    /// <summary>The American spelling of <paramref name="word"/>, or the word itself.</summary>
    public static string ToAmerican(string word)
    {
        if (word.Length < 5)
            return word;
        foreach (var (british, american) in Stems)
        {
            if (word.StartsWith(british, StringComparison.Ordinal))
                return american + word[british.Length..];
        }
        foreach (var suffix in IseSuffixes)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal))
                continue;
            var stem = word[..^suffix.Length];
            if (stem.Length < 3 || IseWords.Contains(stem + "ise") || IsVowel(stem[^1]))
                return word;
            return stem + "iz" + suffix[2..];
        }
        if (word.EndsWith("yse", StringComparison.Ordinal) || word.EndsWith("ysed", StringComparison.Ordinal)
            || word.EndsWith("ysing", StringComparison.Ordinal))
        {
            var at = word.LastIndexOf("ys", StringComparison.Ordinal);
            return word[..at] + "yz" + word[(at + 2)..];
        }
        return word;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
