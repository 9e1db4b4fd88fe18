using AlignBot.Chat;
using AlignBot.Glossary;

namespace AlignBot.Slack;

/// <summary>
/// A short key for a reply, carried in a Share button's value, from which the bot builds the same reply again when
/// the button is pressed: "term:rlhf", "compare:rlhf|dpo", "search:human feedback".
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

    /// <summary>
    /// The click that shows the reply <paramref name="key"/> stands for again, or null when the key is malformed or
    /// names a term the glossary no longer has.
    /// </summary>
    public static ChatAction? ToAction(string key, TermGlossary glossary)
    {
        var colon = key.IndexOf(':');
        if (colon < 0)
            return null;
        var (kind, value) = (key[..colon], key[(colon + 1)..]);
        switch (kind)
        {
            case "term":
                return glossary.Find(value) is { } term ? ChatAction.ShowTerm(term.Slug) : null;
            case "compare":
                var slugs = value.Split('|');
                return slugs.Length == 2 && glossary.Find(slugs[0]) is { } first && glossary.Find(slugs[1]) is { } second
                    ? new ChatAction(ActionIds.Compare, $"{first.Slug}|{second.Slug}")
                    : null;
            case "search":
                return new ChatAction(ActionIds.Ask, "search " + value);
            default:
                return null;
        }
    }
}
