using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace AlignBot.Glossary.Analysis;

/// <summary>Removes dots and apostrophes inside a token, so "R.L.H.F" and "RLHF" index alike.</summary>
internal sealed class AcronymDotFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public AcronymDotFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        var write = 0;
        for (var read = 0; read < length; read++)
        {
            var c = buffer[read];
            if (c is not ('.' or '\'' or '\u2019'))
                buffer[write++] = c;
        }
        if (write != length)
            _term.Length = write;
        return true;
    }
}
