using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace AlignBot.Glossary.Analysis;

/// <summary>Runs text through an analyzer and collects the tokens (Reset, IncrementToken, End, Dispose).</summary>
public static class Tokens
{
    public static List<string> Of(Analyzer analyzer, string text, string field = "text")
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}
