using System.Collections.Concurrent;
using AlignBot.Chat;
using AlignBot.Glossary;

namespace AlignBot.Slack;

/// <summary>
/// The serialized answers to slash commands people repeat ("define rlhf"), so a repeated question costs neither a
/// lookup nor building and serializing the Block Kit card again. Only answers the bot says may be cached
/// (<see cref="ImmediateAnswer.MayBeCached"/>) are kept, keyed by the corpus version, so a corpus reload starts afresh.
/// Bounded: it empties itself when full.
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

    /// <summary>Keeps the serialized answer to <paramref name="text"/> when the bot said it may be cached.</summary>
    public void Offer(string text, ImmediateAnswer answer, byte[] json)
    {
        if (!answer.MayBeCached)
            return;
        var version = glossary.Version;
        if (!ReferenceEquals(Volatile.Read(ref _version), version))
        {
            _answers.Clear();
            Volatile.Write(ref _version, version);
        }
        if (_answers.Count >= MaxEntries)
            _answers.Clear();
        _answers[text.Trim().ToLowerInvariant()] = (json, answer.Reply);
    }
}
