using AlignBot.Glossary;

namespace AlignBot.Chat.Evaluation;

/// <summary>Runs eval cases through the same path a chat message takes (<see cref="Bot"/>) and scores them.</summary>
public sealed class SearchEvaluator(Bot bot, TermGlossary glossary)
{
    public EvalReport Run(IEnumerable<EvalCase> cases) => new(cases.Select(Evaluate).ToList());

    public EvalOutcome Evaluate(EvalCase evalCase)
    {
        var reply = bot.AnswerFromGlossary(ChatRequest.Local(evalCase.Query));
        var friendly = reply is Reply.Greeting or Reply.Help;
        var (answered, ranked, compared) = reply switch
        {
            Reply.TermCard card => (card.Term.Slug, Shown(card.Term.Slug, card.Alternatives ?? [], evalCase.Query), [card.Term.Slug]),
            Reply.Comparison pair => (pair.Terms[0].Slug, pair.Terms.Select(t => t.Slug).ToList(), pair.Terms.Select(t => t.Slug).ToList()),
            Reply.NotFound miss => (null, miss.DidYouMean.Select(t => t.Slug).ToList(), []),
            // A "search" command's answer is its list; its first item is what it answered first.
            Reply.SearchResults list => (list.Items.Count > 0 ? list.Items[0].Slug : null, list.Items.Select(t => t.Slug).ToList(), [.. list.Items.Take(1).Select(t => t.Slug)]),
            Reply.RelatedTerms related => (related.Of.Slug, [related.Of.Slug], [related.Of.Slug]),
            _ => ((string?)null, new List<string>(), new List<string>()),
        };

        switch (evalCase.Expectation)
        {
            case EvalExpectation.Nothing:
                return new EvalOutcome(evalCase, answered, ranked, friendly, answered is null, 0);
            case EvalExpectation.Greeting:
                return new EvalOutcome(evalCase, answered, ranked, friendly, friendly, 0);
            case EvalExpectation.Comparison:
                var all = evalCase.Expected.All(compared.Contains);
                return new EvalOutcome(evalCase, answered, ranked, friendly, all, all ? 1 : 0);
            default:
                var top1 = compared.Any(evalCase.Expected.Contains);
                var rank = ranked.FindIndex(evalCase.Expected.Contains);
                return new EvalOutcome(evalCase, answered, ranked, friendly, top1, rank < 0 ? 0 : 1.0 / (rank + 1));
        }
    }

    /// <summary>What a card shows: its term, the candidates offered under it, then the other ranked hits.</summary>
    private List<string> Shown(string answered, IReadOnlyList<TermRef> alternatives, string query) =>
        [answered, .. alternatives.Select(a => a.Slug).Concat(glossary.Lookup(query).Ranked.Select(h => h.Term.Slug)).Where(s => s != answered).Distinct()];
}
