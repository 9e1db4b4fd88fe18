using AlignBot.Chat;
using AlignBot.Glossary;
using AlignBot.Glossary.Search;

namespace AlignBot.Slack;

/// <summary>
/// A short key for a reply, carried in a Share button's value, from which the same reply is rebuilt when the
/// button is pressed: "term:rlhf", "compare:rlhf|dpo|rlaif", "search:human feedback".
/// </summary>
internal static class SlackReplyKey
{
    public static string? Of(Reply reply) => reply switch
    {
        Reply.TermCard card => "term:" + card.Term.Slug,
        Reply.Comparison pair => "compare:" + string.Join('|', pair.Terms.Select(t => t.Slug)),
        Reply.SearchResults list => "search:" + list.Query,
        _ => null,
    };

    public static Reply? Restore(string key, Bot bot, TermGlossary glossary)
    {
        var colon = key.IndexOf(':');
        if (colon < 0)
            return null;
        var (kind, value) = (key[..colon], key[(colon + 1)..]);
        switch (kind)
        {
            case "term":
                return glossary.Find(value) is { } term ? bot.Handle(Show(term.Slug)) : null;
            case "compare":
                var terms = value.Split('|').Select(glossary.Find).ToList();
                return terms.Count is >= 2 and <= QuestionText.MaxCompared && terms.All(t => t is not null)
                    ? new Reply.Comparison(terms!)
                    : null;
            case "search":
                return bot.Handle(ChatRequest.Local("search " + value, Platform.Slack));
            default:
                return null;
        }
    }

    private static ChatRequest Show(string slug) =>
        ChatRequest.Local("", Platform.Slack) with { Action = new ChatAction(ActionIds.ShowTerm, slug) };
}
