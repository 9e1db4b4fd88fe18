using System.Text;
using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Living;

/// <summary>
/// The rules of the suggestion form, the same on every platform: a name (at most <see cref="RequestParser.MaxNameLength"/>
/// characters, with a letter or digit), at most <see cref="MaxAliases"/> other names, a plain-text definition of
/// <see cref="MinDefinition"/>–<see cref="MaxDefinition"/> characters, an optional https source, related terms the
/// glossary has. Reads form input, so it never throws: it returns the cleaned draft or the errors, by field.
/// </summary>
public static class DraftCheck
{
    public const int MinDefinition = 30;
    public const int MaxDefinition = 600;
    public const int MaxAliases = 10;
    public const int MaxSourceLength = 500;

    /// <summary>The draft as typed, cleaned (trimmed, white space folded, duplicates and unknown related terms dropped), or what to fix.</summary>
    public static (TermDraft? Draft, IReadOnlyDictionary<DraftField, string> Errors) Check(string? name, string? aliases, string? definition, string? source,
        IEnumerable<string> related, Func<string, bool> isKnownSlug)
    {
        var errors = new Dictionary<DraftField, string>();
        var cleanName = Fold(name);
        if (cleanName.Length == 0 || Slug(cleanName).Length == 0)
            errors[DraftField.Name] = "Give the term a name with at least one letter or digit.";
        else if (cleanName.Length > RequestParser.MaxNameLength)
            errors[DraftField.Name] = $"Keep the name under {RequestParser.MaxNameLength + 1} characters.";

        var others = (aliases ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(Fold).Where(a => a.Length > 0)
            .Where(a => !a.Equals(cleanName, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (others.Count > MaxAliases)
            errors[DraftField.Aliases] = $"List at most {MaxAliases} other names, separated by commas.";
        else if (others.Any(a => a.Length > RequestParser.MaxNameLength))
            errors[DraftField.Aliases] = $"Keep each other name under {RequestParser.MaxNameLength + 1} characters.";

        var cleanDefinition = (definition ?? "").Trim();
        if (cleanDefinition.Length < MinDefinition)
            errors[DraftField.Definition] = $"Write at least {MinDefinition} characters: a sentence that says what it means.";
        else if (cleanDefinition.Length > MaxDefinition)
            errors[DraftField.Definition] = $"Keep the definition to {MaxDefinition} characters (it is {cleanDefinition.Length}).";

        var cleanSource = (source ?? "").Trim();
        if (cleanSource.Length > 0 && !IsHttps(cleanSource))
            errors[DraftField.Source] = "Give an https:// link, or leave the source empty.";

        if (errors.Count > 0)
            return (null, errors);
        var slugs = related.Where(isKnownSlug).Distinct(StringComparer.Ordinal).Take(10).ToList();
        return (new TermDraft(cleanName, others, cleanDefinition, cleanSource.Length > 0 ? cleanSource : null, slugs), errors);
    }

    /// <summary>A term's id from its name: lower-case letters and digits, words joined by hyphens ("Blue-team drill!" → "blue-team-drill").</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-' && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
                slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

    private static bool IsHttps(string url) =>
        url.Length <= MaxSourceLength && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
        && !url.Any(char.IsWhiteSpace);

    private static string Fold(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
