using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace AlignBot.Glossary.Analysis;

/// <summary>Rewrites each lower-case token with <see cref="BritishSpelling.ToAmerican"/>.</summary>
internal sealed class BritishSpellingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public BritishSpellingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (_term.Length >= 5)
        {
            var word = _term.ToString();
            var american = BritishSpelling.ToAmerican(word);
            if (!ReferenceEquals(word, american))
                _term.SetEmpty().Append(american);
        }
        return true;
    }
}
