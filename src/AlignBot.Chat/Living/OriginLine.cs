using System.Globalization;
using AlignBot.Chat.Stores;

namespace AlignBot.Chat.Living;

/// <summary>The footer every surface shows on a workspace term's card, in one wording: who suggested it, who approved it, when.</summary>
public static class OriginLine
{
    /// <summary>
    /// "Workspace term · suggested by @a, approved by @b on 24 Nov 2026", each person written by <paramref name="person"/>
    /// (a Slack mention, an escaped id) and the rest by <paramref name="escape"/>.
    /// </summary>
    public static string Format(WorkspaceTerm origin, Func<string, string> person, Func<string, string> escape) =>
        escape("Workspace term · suggested by ") + person(origin.SuggestedBy) + escape(", approved by ") + person(origin.ApprovedBy)
        + escape(" on " + origin.ApprovedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture));

    /// <summary>Plain text, each person by id.</summary>
    public static string Plain(WorkspaceTerm origin) => Format(origin, id => id, text => text);
}
