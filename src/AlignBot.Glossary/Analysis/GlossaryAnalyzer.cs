using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;

namespace AlignBot.Glossary.Analysis;

/// <summary>
/// The analysis chain for glossary text and queries: Unicode word splitting, possessives dropped ("Goodhart's"),
/// dots inside acronyms removed ("R.L.H.F."), lower case, accents folded, British spellings mapped to American
/// ("optimisation", "behaviour"), then, when <paramref name="stem"/> is set, Porter stemming.
/// </summary>
/// <remarks>
/// There is deliberately no stop-word filter: acronyms and short words such as "AI", "RL", "IT" or "ML" are
/// what people search for. Common words are kept and simply carry little weight, because the confidence rule
/// (see <c>LookupEngine</c>) weighs every query word by how rare it is in the corpus.
/// </remarks>
public sealed class GlossaryAnalyzer(bool stem = true) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneDefaults.Version, reader);
        TokenStream result = new EnglishPossessiveFilter(LuceneDefaults.Version, source);
        result = new AcronymDotFilter(result);
        result = new LowerCaseFilter(LuceneDefaults.Version, result);
        result = new ASCIIFoldingFilter(result);
        result = new BritishSpellingFilter(result);
        if (stem)
            result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
