using AlignBot.Glossary.Search;
namespace AlignBot.Chat;

/// <summary>
/// Understands a request: a button action first; then the text is cleared of chat noise (<see cref="ChatText"/>)
/// and read as small talk (<see cref="SmallTalk"/>), a leading command word (define, search, random, related,
/// help, daily, and the living glossary's suggest, curators, review here, unanswered, edit, forget), else a free question. Command words are matched case-insensitively and only as the first word, so
/// "what is random exploration?" stays a question. A leading "/align" (the Slack command, typed where it is not one) is skipped.
/// </summary>
public static class RequestParser
{
    public const int MaxTextLength = 500;

    /// <summary>AlignBot's slash command in Slack (the app manifest's).</summary>
    public const string SlashCommandName = "/align";

    /// <summary>How much of a message is cleared of noise: mentions and emoji can pad a short question far beyond <see cref="MaxTextLength"/>.</summary>
    public const int MaxTypedLength = 8 * MaxTextLength;

    public static Intent Parse(ChatRequest request)
    {
        if (request.Action is { } action)
        {
            return action.Id switch
            {
                ActionIds.ShowTerm => new Intent.ShowTerm(action.Value),
                ActionIds.Ask => Parse(request with { Action = null, Text = action.Value }),
                ActionIds.Compare when action.Value.Split('|') is { Length: >= 2 and <= QuestionText.MaxCompared } slugs => new Intent.CompareTerms(slugs),
                ActionIds.Suggest or ActionIds.AddDefinition => new Intent.SuggestTerm(Clip(action.Value, MaxNameLength)),
                ActionIds.Approve => new Intent.Decide(action.Value, Approve: true),
                ActionIds.Reject => new Intent.Decide(action.Value, Approve: false),
                ActionIds.Edit => new Intent.EditSuggestion(action.Value),
                ActionIds.EditTerm => new Intent.EditTerm(Clip(action.Value, MaxNameLength)),
                ActionIds.Helpful => new Intent.Rate(action.Value, Helpful: true),
                ActionIds.NotHelpful => new Intent.Rate(action.Value, Helpful: false),
                _ => new Intent.Help(),
            };
        }

        var typed = Clip(request.Text, MaxTypedLength);
        if (typed.Length == 0)
            return new Intent.Help();
        var text = Clip(ChatText.Normalize(typed), MaxTextLength);
        if (text.Length == 0)
            return new Intent.Greeting(Thanks: false);   // only emoji, mentions or punctuation: say what to ask
        if (SmallTalk.Recognise(text) is { } greeting)
            return greeting;

        var space = text.IndexOfAny([' ', '\t', '\n']);
        var (verb, rest) = space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
        // The Slack command typed where there are no slash commands (Teams, a DM, the playground): the rest is the request.
        if (verb.Equals(SlashCommandName, StringComparison.OrdinalIgnoreCase))
            return rest.Length == 0 ? new Intent.Help() : Parse(request with { Text = ChatText.ArgumentsAfter(typed, verb) ?? rest });
        return verb.ToLowerInvariant() switch
        {
            "help" or "?" or "-h" or "--help" or "commands" when rest.Length == 0 => new Intent.Help(),
            "define" or "def" or "definition" => rest.Length == 0 ? new Intent.Help() : new Intent.Define(rest),
            "search" or "find" or "lookup" => rest.Length == 0 ? new Intent.Help() : new Intent.Search(rest),
            "random" or "surprise" when rest.Length == 0 || rest.Equals("term", StringComparison.OrdinalIgnoreCase) => new Intent.Random(),
            "related" => rest.Length == 0 ? new Intent.Help() : new Intent.Related(rest),
            "daily" => new Intent.Daily(ChatText.ArgumentsAfter(typed, verb) ?? rest),
            "suggest" => rest.Length == 0 ? new Intent.Help() : new Intent.SuggestTerm(Clip(rest, MaxNameLength)),
            "curators" or "curator" => Curators(rest, request.MentionList),
            "review" when rest.Equals("here", StringComparison.OrdinalIgnoreCase) => new Intent.ReviewHere(),
            "edit" when rest.Length > 0 => new Intent.EditTerm(Clip(rest, MaxNameLength)),
            "forget" when rest.Length > 0 => new Intent.ForgetTerm(Clip(rest, MaxNameLength)),
            "unanswered" when rest.Length == 0 => new Intent.Unanswered(),
            _ => new Intent.Question(text),
        };
    }

    /// <summary>The longest term name a suggestion may have (the form says so too).</summary>
    public const int MaxNameLength = 80;

    /// <summary>"curators" / "curators list", "curators add @x @y", "curators remove @x"; anything else lists them.</summary>
    private static Intent.Curators Curators(string rest, IReadOnlyList<ChatUser> mentioned)
    {
        var verb = rest.Split(' ', 2)[0].ToLowerInvariant();
        return verb switch
        {
            "add" when mentioned.Count > 0 => new Intent.Curators(CuratorChange.Add, mentioned),
            "remove" or "rm" when mentioned.Count > 0 => new Intent.Curators(CuratorChange.Remove, mentioned),
            _ => new Intent.Curators(CuratorChange.List, []),
        };
    }

    /// <summary>Trims, folds runs of white space and caps the length, so a pasted essay costs no more than a line.</summary>
    private static string Clip(string text, int length)
    {
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length <= length ? folded : folded[..length];
    }
}
