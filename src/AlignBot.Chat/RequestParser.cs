using AlignBot.Glossary.Search;
namespace AlignBot.Chat;

/// <summary>
/// Understands a request: a button action first; then the text is cleared of chat noise (<see cref="ChatText"/>)
/// and read as small talk (<see cref="SmallTalk"/>), a leading command word (define, search, random, related,
/// help), else a free question. Command words are matched case-insensitively and only as the first word, so
/// "what is random exploration?" stays a question.
/// </summary>
public static class RequestParser
{
    public const int MaxTextLength = 500;

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
        return verb.ToLowerInvariant() switch
        {
            "help" or "?" or "-h" or "--help" or "commands" when rest.Length == 0 => new Intent.Help(),
            "define" or "def" or "definition" => rest.Length == 0 ? new Intent.Help() : new Intent.Define(rest),
            "search" or "find" or "lookup" => rest.Length == 0 ? new Intent.Help() : new Intent.Search(rest),
            "random" or "surprise" when rest.Length == 0 || rest.Equals("term", StringComparison.OrdinalIgnoreCase) => new Intent.Random(),
            "related" => rest.Length == 0 ? new Intent.Help() : new Intent.Related(rest),
            "daily" => new Intent.Daily(ChatText.ArgumentsAfter(typed, verb) ?? rest),
            _ => new Intent.Question(text),
        };
    }

    /// <summary>Trims, folds runs of white space and caps the length, so a pasted essay costs no more than a line.</summary>
    private static string Clip(string text, int length)
    {
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length <= length ? folded : folded[..length];
    }
}
