using System.Collections.Concurrent;
using AlignBot.Chat;
using AlignBot.Glossary;

namespace AlignBot.Slack;

/// <summary>
/// The serialized answers to slash commands people repeat ("define rlhf"), so a repeated question costs neither a
/// lookup nor building and serializing the Block Kit card again. Only answers that depend on the words alone are
/// kept (term cards, comparisons, searches, "no definition"; not help, random or term-of-the-day replies), keyed by
/// the corpus version, so a corpus reload starts afresh. Bounded: it empties itself when full.
/// </summary>
internal sealed class SlackAnswerCache(TermGlossary glossary)
{
    private const int MaxEntries = 4_096;
    private readonly ConcurrentDictionary<string, (byte[] Json, Reply Reply)> _answers = new(StringComparer.Ordinal);
    private object _version = glossary.Version;

    /// <summary>The serialized answer and the reply it renders, when this text was answered before.</summary>
    public (byte[] Json, Reply Reply)? TryGet(string text)
    {
        if (!ReferenceEquals(Volatile.Read(ref _version), glossary.Version))
            return null;
        return _answers.TryGetValue(text.Trim().ToLowerInvariant(), out var answer) ? answer : null;
    }

    public void Offer(string text, Reply reply, byte[] json)
    {
        if (reply is not (Reply.TermCard { Heading: null } or Reply.Comparison or Reply.SearchResults or Reply.NotFound)
            || RequestParser.Parse(ChatRequest.Local(text)) is Intent.Random or Intent.Daily or Intent.Help)
            return;
        var version = glossary.Version;
        if (!ReferenceEquals(Volatile.Read(ref _version), version))
        {
            _answers.Clear();
            Volatile.Write(ref _version, version);
        }
        if (_answers.Count >= MaxEntries)
            _answers.Clear();
        _answers[text.Trim().ToLowerInvariant()] = (json, reply);
    }
}
