using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Living;

/// <summary>
/// The suggestion form's contents, the same on every platform: prefilled when someone asks to suggest a term (or that
/// term's card, when the glossary already has it), checked when it is submitted, and sent back filled in with what to
/// fix, so nothing typed is lost to an error or an outage. Pure and quick, for a platform that must answer within seconds.
/// </summary>
public static class SuggestionForm
{
    /// <summary>The heading of the card shown instead of the form when the term is already defined.</summary>
    public const string AlreadyDefined = "Already in the glossary: is this what you meant?";

    /// <summary>
    /// What the first field of a form says when the store could not be reached to save it: the form stays open (or comes
    /// back) with everything typed, so nothing is lost.
    /// </summary>
    public const string NotSaved = "This could not be saved right now, try again in a minute: what you typed is still here.";

    /// <summary>The form prefilled with what the text is about ("what is a blue team drill?" → "blue team drill"), or the card it already has.</summary>
    public static Reply Prefilled(string text, GlossaryScope scope)
    {
        var lookup = scope.Lookup(text);
        if (scope.Named(text) is { } term)
            return new Reply.TermCard(term, [.. scope.RelatedOf(term).Select(TermRef.Of)], Heading: AlreadyDefined, Origin: scope.Origin(term));
        var at = lookup.Subject.Length > 0 ? text.IndexOf(lookup.Subject, StringComparison.OrdinalIgnoreCase) : -1;
        var name = at >= 0 ? text.Substring(at, lookup.Subject.Length) : text;   // the person's own casing
        return new Reply.SuggestForm(new TermDraft(name, [], "", null, []));
    }

    /// <summary>
    /// The form's fields checked against the rules and the glossary: the draft to store, or the form again with what to fix
    /// (a name or other name already defined included, on edits too; for <paramref name="termSlug"/>, the workspace term being
    /// edited, only names of another term).
    /// </summary>
    public static (TermDraft? Draft, Reply.SuggestForm? Errors) Check(DraftInput input, GlossaryScope scope, string? suggestionId = null, string? termSlug = null)
    {
        var (draft, errors) = DraftCheck.Check(input.Name, input.Aliases, input.Definition, input.Source, input.Related, slug => scope.Find(slug) is not null);
        // The form again shows what was typed, other names included as one line, so nothing typed is lost to an error.
        var typed = new TermDraft(input.Name ?? "", string.IsNullOrWhiteSpace(input.Aliases) ? [] : [input.Aliases], input.Definition ?? "", input.Source, input.Related);
        if (draft is null)
            return (null, new Reply.SuggestForm(typed, suggestionId, errors, termSlug));
        var taken = new Dictionary<DraftField, string>();
        if (NameTaken(draft.Name, scope, termSlug) is { } name)
            taken[DraftField.Name] = name;
        if (draft.Aliases.Select(alias => NameTaken(alias, scope, termSlug)).FirstOrDefault(error => error is not null) is { } alias)
            taken[DraftField.Aliases] = alias;
        return taken.Count > 0 ? (null, new Reply.SuggestForm(typed, suggestionId, taken, termSlug)) : (draft, null);
    }

    /// <summary>The form again, filled in with <paramref name="draft"/>, saying it could not be saved.</summary>
    public static Reply.SuggestForm Unsaved(TermDraft draft, string? suggestionId, string? termSlug) =>
        new(draft, suggestionId, new Dictionary<DraftField, string> { [DraftField.Name] = NotSaved }, termSlug);

    /// <summary>What to say when <paramref name="name"/> already names a term in scope other than <paramref name="termSlug"/> (the term being edited); else null.</summary>
    private static string? NameTaken(string name, GlossaryScope scope, string? termSlug) =>
        scope.Named(name) is not { } existing || existing.Slug == termSlug ? null
        : existing.Name.Equals(name, StringComparison.OrdinalIgnoreCase) ? $"“{name}” is already defined: ask for it by name."
        : $"“{name}” is already defined, as “{existing.Name}”: ask for it by name.";
}
