using AlignBot.Chat;
using AlignBot.Glossary;

namespace AlignBot.Slack;

/// <summary>
/// A short key for a reply, carried in a Share button's value, from which the same reply is rebuilt when the
/// button is pressed: "term:rlhf", "compare:rlhf|dpo", "search:human feedback".
/// </summary>
internal static class SlackReplyKey
{
    public static string? Of(Reply reply) => reply switch
    {
        Reply.TermCard card => "term:" + card.Term.Slug,
        Reply.Comparison pair => $"compare:{pair.First.Slug}|{pair.Second.Slug}",
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
                var slugs = value.Split('|');
                return slugs.Length == 2 && glossary.Find(slugs[0]) is { } first && glossary.Find(slugs[1]) is { } second
                    ? new Reply.Comparison(first, second)
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
