using AlignBot.Glossary;

namespace AlignBot.Chat.Evaluation;

/// <summary>Runs eval cases through the same path a chat message takes (<see cref="Bot"/>) and scores them.</summary>
public sealed class SearchEvaluator(Bot bot, TermGlossary glossary)
{
    public EvalReport Run(IEnumerable<EvalCase> cases) => new(cases.Select(Evaluate).ToList());

    public EvalOutcome Evaluate(EvalCase evalCase)
    {
        var reply = bot.Handle(ChatRequest.Local(evalCase.Query));
        var (answered, ranked) = reply switch
        {
            Reply.TermCard card => (card.Term.Slug, Shown(card.Term.Slug, evalCase.Query)),
            Reply.Comparison pair => (pair.First.Slug, [pair.First.Slug, pair.Second.Slug]),
            Reply.NotFound miss => (null, miss.DidYouMean.Select(t => t.Slug).ToList()),
            Reply.SearchResults list => (list.Items.FirstOrDefault()?.Slug, list.Items.Select(t => t.Slug).ToList()),
            Reply.RelatedTerms related => (related.Of.Slug, [related.Of.Slug]),
            _ => ((string?)null, new List<string>()),
        };

        if (evalCase.ExpectsNothing)
            return new EvalOutcome(evalCase, answered, ranked, answered is null, 0);

        var top1 = answered is not null && evalCase.Expected.Contains(answered);
        var rank = ranked.FindIndex(evalCase.Expected.Contains);
        return new EvalOutcome(evalCase, answered, ranked, top1, rank < 0 ? 0 : 1.0 / (rank + 1));
    }

    private List<string> Shown(string answered, string query) =>
        [answered, .. glossary.Lookup(query).Ranked.Select(h => h.Term.Slug).Where(s => s != answered)];
}
