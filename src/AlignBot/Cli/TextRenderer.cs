using System.Text;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Glossary;

namespace AlignBot.Cli;

/// <summary>Renders a <see cref="Reply"/> as plain text for a terminal.</summary>
public static class TextRenderer
{
    public static string Render(Reply reply)
    {
        var text = new StringBuilder();
        switch (reply)
        {
            case Reply.Notice notice:
                text.AppendLine(notice.ToString());
                break;
            case Reply.TermCard card:
                if (card.IsGuess)
                    text.AppendLine($"Did you mean {card.Term.Name}?");
                if (card.Heading is { } heading)
                    text.AppendLine(heading + ":");
                if (card.CorrectedFrom is { } asked)
                    text.AppendLine($"(showing results for \"{card.Term.Name}\"; you typed \"{asked}\")");
                Term(text, card.Term);
                foreach (var sense in card.SensesInOrder)
                    text.AppendLine($"  • {sense.Name}: {sense.Summary}");
                if (card.Related.Count > 0)
                    text.AppendLine().AppendLine("Related: " + string.Join(", ", card.Related.Select(r => $"{r.Name} ({r.Slug})")));
                Sources(text, card.Term);
                if (card.Origin is { } origin)
                    text.AppendLine(OriginLine.Plain(origin));
                if (card.Alternatives is { Count: > 0 } others)
                    text.AppendLine("Or did you mean: " + string.Join(", ", others.Select(t => $"{t.Name} ({t.Slug})")) + "?");
                break;
            case Reply.Comparison pair:
                for (var i = 0; i < pair.Terms.Count; i++)
                {
                    if (i > 0)
                        text.AppendLine().AppendLine("  — vs —").AppendLine();
                    Term(text, pair.Terms[i]);
                }
                break;
            case Reply.Greeting greeting:
                text.AppendLine(greeting.Text);
                if (greeting.Examples.Count > 0)
                    text.AppendLine("Try: " + string.Join(", ", greeting.Examples.Select(e => e.Name)));
                break;
            case Reply.SearchResults list:
                text.AppendLine($"Terms matching \"{list.Query}\":");
                List(text, list.Items);
                break;
            case Reply.RelatedTerms related:
                text.AppendLine($"Related to {related.Of.Name}:");
                List(text, related.Items);
                break;
            case Reply.NotFound miss:
                text.AppendLine($"No definition found for \"{miss.Query}\".");
                if (miss.DidYouMean.Count > 0)
                    text.AppendLine("Did you mean: " + string.Join(", ", miss.DidYouMean.Select(t => $"{t.Name} ({t.Slug})")) + "?");
                else
                    text.AppendLine("Try \"search <words>\" or \"help\".");
                break;
            case Reply.Help help:
                text.AppendLine($"AlignBot explains {help.TermCount} AI-alignment terms. Commands:");
                foreach (var command in help.Commands)
                    text.AppendLine($"  {command.Usage,-20} {command.Description}");
                if (help.Examples.Count > 0)
                    text.AppendLine("Try: " + string.Join(", ", help.Examples.Select(e => e.Name)));
                break;
        }
        return text.ToString();
    }

    private static void Term(StringBuilder text, Term term)
    {
        text.AppendLine($"{term.Name}  [{Categories.Label(term.Category)}]");
        text.AppendLine(term.Summary);
    }

    private static void Sources(StringBuilder text, Term term)
    {
        foreach (var source in term.Sources)
            text.AppendLine($"Source: {source.Title} — {source.Url}");
    }

    private static void List(StringBuilder text, IReadOnlyList<TermRef> items)
    {
        foreach (var item in items)
            text.AppendLine($"  • {item.Name} ({item.Slug}): {item.Summary}");
    }
}
