using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Glossary.Search;

namespace AlignBot.Slack;

/// <summary>
/// A short key for a reply, carried in a Share button's value, from which the bot builds the same reply again when
/// the button is pressed: "term:rlhf", "compare:rlhf|dpo|rlaif", "search:human feedback".
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

    /// <summary>
    /// The click that shows the reply <paramref name="key"/> stands for again, or null when the key is malformed or
    /// names a term the glossary (the corpus and the workspace's own terms) no longer has.
    /// </summary>
    public static ChatAction? ToAction(string key, GlossaryScope glossary)
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
                var terms = value.Split('|').Select(glossary.Find).ToList();
                return terms.Count is >= 2 and <= QuestionText.MaxCompared && terms.All(t => t is not null)
                    ? new ChatAction(ActionIds.Compare, string.Join('|', terms.Select(t => t!.Slug)))
                    : null;
            case "search":
                return new ChatAction(ActionIds.Ask, "search " + value);
            default:
                return null;
        }
    }
}
