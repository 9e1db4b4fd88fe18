namespace AlignBot.Glossary.Search.Semantic;

/// <summary>
/// Where the sentence model may change what lexical search decided: the meaning of a message against each term's
/// headline, senses and example questions (<see cref="EntryVectors"/>), as a cosine similarity.
/// </summary>
/// <remarks>
/// The rules and their thresholds were read off the dev split of eval/chat-cases.tsv (311 lines; never the holdout)
/// with the similarities printed for every line. Among messages lexical search left unanswered, those whose most
/// similar term was right had similarity 0.35–0.90, off-topic and near-miss ones up to 0.49 ("backpropagation"),
/// except "LoRA adapters" (0.65 to "Fine-tuning safety", which explains none of it in its headline). Alone, the model's
/// first term was right for only 75% of the answerable lines (lexical: 85%), and its wrong firsts came as high as 0.67,
/// so it never answers alone; it answers when the two retrievers agree:
/// <list type="bullet">
/// <item><b>Agreement</b>: the most similar term is also lexical search's first, and similarity + ½ × that hit's head
/// coverage ≥ <see cref="AgreementScore"/>. Right answers scored 0.66–1.03; off-topic ones at most 0.65 (LoRA) and
/// 0.63 ("what's a knowledge graph"). 0.62 would add one right answer and two false ones. For a question of at most
/// <see cref="LookupEngine.ShortQuestionWords"/> words, also similarity ≥ <see cref="ShortAgreementSimilarity"/>: the
/// model reads two or three words with little context, and on the dev splits of eval/chat-cases.tsv and
/// eval/chat-gate-dev.tsv the short near-misses it agreed on scored 0.57–0.59 ("mixture of experts" → Sandwiching,
/// "neural architecture search" → Mesa-optimization), the short right agreements 0.71–0.75; 0.65 is between.</item>
/// <item><b>Strong</b>: the most similar term is among lexical search's first five and similarity ≥
/// <see cref="StrongSimilarity"/> ("what counts as alignment research?", 0.82); nothing off-topic came above 0.65.</item>
/// <item><b>Veto</b>: a lexical answer that is only ranked, mentioned or plausible, to a message of two words or more,
/// whose term has similarity below <see cref="VetoSimilarity"/> is withdrawn. Right ranked answers had ≥ 0.30, the false
/// "top-p sampling explained" → p(doom) 0.20 and "what is a vision transformer" → Circuits 0.26. Single words and
/// codes ("ASL-3") are exempt: the model reads them without context and scores right answers as low as 0.1.</item>
/// <item><b>Override</b>: a ranked (not exact) lexical answer gives way to the most similar term when that has similarity
/// ≥ <see cref="OverrideSimilarity"/> and leads the lexical answer's by ≥ <see cref="OverrideMargin"/> (two
/// descriptions: an optimizer inside a network is mesa-optimization, not inner alignment; at a margin of 0.10 "reward
/// model meaning?" went to recursive reward modeling).</item>
/// <item><b>Dispute</b>: a ranked or plausible lexical answer whose term the model places clearly behind another, though
/// not as surely as an override (the other's similarity under <see cref="OverrideSimilarity"/>, ahead by ≥
/// <see cref="DisputeMargin"/>), is withdrawn to "no definition found" with the lexical candidates, itself among them.
/// Chosen on the dev splits of eval/chat-cases.tsv and eval/chat-gate-dev.tsv: where the model's first differed from a
/// right ranked answer, it led by at most 0.05 (or by 0.13 at 0.83, "reward model meaning", which the bound on its
/// similarity keeps); "good on the training data but bad on new data" → Inner alignment was led by 0.12. It costs one
/// right answer of eval/search-cases.tsv ("model scores high by exploiting a bug in how it's graded" → Reward hacking,
/// now a suggestion). Settled ranked answers (<see cref="MayChange"/>) are not disputed.</item>
/// </list>
/// On the dev split these took the term lines answered right from 169 to 185 of 200 and the false answers on off-topic
/// and near-miss lines from 3 to 1 of 62 ("fire safety training" still shows Safety tuning).
/// <para>
/// The model costs milliseconds a question, so it runs only where these rules can change the answer
/// (<see cref="MayChange"/>): never for names, nor without a candidate (it never answers alone), nor for a short question
/// lexical search found <see cref="LookupResult.Uncovered"/> (agreeing with a hit whose entry lacks the question's
/// distinctive word would answer "knowledge distillation" with Iterated amplification), nor for a long message
/// naming one term (on the dev split the veto never withdrew one: mean-pooled over a 30–60 word story, its similarity
/// says little), nor for a ranked answer that explains ≥ <see cref="SettledCoverage"/> of the question and ≥
/// <see cref="SettledHeadCoverage"/> in its headline (the overrides on the dev split had head coverage 0.32 and 0.50).
/// Neither of the last two changed a dev-split answer; together they took a third of the model's runs away.
/// </para>
/// </remarks>
internal static class HybridGate
{
    internal const float AgreementScore = 0.66f;
    internal const float AgreementHeadWeight = 0.5f;
    internal const float ShortAgreementSimilarity = 0.65f;
    internal const float StrongSimilarity = 0.8f;
    internal const int StrongAmong = 5;
    internal const float VetoSimilarity = 0.28f;
    internal const float OverrideSimilarity = 0.7f;
    internal const float OverrideMargin = 0.15f;
    internal const float DisputeMargin = 0.1f;
    internal const double SettledCoverage = 0.9;
    internal const double SettledHeadCoverage = 0.6;

    /// <summary>Whether the similarities could change <paramref name="lexical"/> (see the remarks); if not, the model need not run.</summary>
    public static bool MayChange(LookupResult lexical) => lexical switch
    {
        { Kind: MatchKind.Exact or MatchKind.Corrected or MatchKind.Mentioned } => false,
        { Uncovered: true } => false,
        { Answer: null, Ranked.Count: 0 } => false,
        { Kind: MatchKind.Search, Ranked: [var top, ..] } => top.Coverage < SettledCoverage || top.HeadCoverage < SettledHeadCoverage,
        _ => true,
    };

    /// <summary>
    /// The lexical result, kept, withdrawn or replaced by what the similarities say (see the remarks); only for a result
    /// the similarities <see cref="MayChange"/>.
    /// </summary>
    /// <param name="lexical">What lexical lookup answered.</param>
    /// <param name="similarity">The message's similarity to each term, in corpus order.</param>
    /// <param name="position">A term's position in the corpus.</param>
    /// <param name="terms">The corpus, in order.</param>
    /// <param name="words">How many words the message has.</param>
    public static LookupResult Decide(LookupResult lexical, float[] similarity, Func<Term, int> position, IReadOnlyList<Term> terms, int words)
    {
        var best = 0;
        for (var i = 1; i < similarity.Length; i++)
        {
            if (similarity[i] > similarity[best])
                best = i;
        }
        var top = terms[best];
        var closest = similarity[best];
        var ranked = lexical.Ranked;

        if (lexical.Answer is { } answer)
        {
            var own = similarity[position(answer)];
            if (lexical.Kind == MatchKind.Search && top.Slug != answer.Slug && closest >= OverrideSimilarity && closest - own >= OverrideMargin)
                return Similar(lexical, top);
            if (lexical.Kind is MatchKind.Search or MatchKind.Plausible && top.Slug != answer.Slug && closest < OverrideSimilarity && closest - own >= DisputeMargin)
                return lexical with { Answer = null, Kind = MatchKind.None, DidYouMean = Candidates(ranked, exclude: null) };
            if (words >= 2 && own < VetoSimilarity)
                return lexical with { Answer = null, Kind = MatchKind.None, DidYouMean = Candidates(ranked, exclude: answer) };
            return lexical;
        }

        if (ranked[0].Term.Slug == top.Slug && closest + AgreementHeadWeight * ranked[0].HeadCoverage >= AgreementScore
            && (words > LookupEngine.ShortQuestionWords || closest >= ShortAgreementSimilarity))
            return Similar(lexical, top);
        if (closest >= StrongSimilarity && ranked.Take(StrongAmong).Any(h => h.Term.Slug == top.Slug))
            return Similar(lexical, top);
        return lexical;
    }

    private static LookupResult Similar(LookupResult lexical, Term term)
    {
        var hit = lexical.Ranked.FirstOrDefault(h => h.Term.Slug == term.Slug) ?? new SearchHit(term, 0, 0, 0, 0);
        return lexical with { Answer = term, Kind = MatchKind.Similar, Ranked = [hit, .. lexical.Ranked.Where(h => h.Term.Slug != term.Slug)], DidYouMean = [] };
    }

    private static List<Term> Candidates(IReadOnlyList<SearchHit> ranked, Term? exclude) =>
        ranked.Where(h => h.Term.Slug != exclude?.Slug && h.Coverage >= LookupEngine.SuggestCoverage).Take(3).Select(h => h.Term).ToList();
}
