using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AlignBot.Chat;
using AlignBot.Glossary;

namespace AlignBot.Slack;

/// <summary>
/// The serialized answers to slash commands people repeat ("define rlhf"), so a repeated question costs neither a
/// lookup nor building and serializing the Block Kit card again. Only answers the bot says may be cached
/// (<see cref="ImmediateAnswer.MayBeCached"/>) are kept, keyed by the corpus version, so a corpus reload starts afresh.
/// Bounded: it empties itself when full. Distinct words that lead to the same plain term card ("define rlhf", "what is
/// RLHF?", "rlhf explained") share one serialized card (<see cref="Serialized"/>): a busy workspace asks about a hundred
/// terms in thousands of ways, and rendering and serializing a card costs more than finding its term by name.
/// </summary>
internal sealed class SlackAnswerCache(TermGlossary glossary)
{
    private const int MaxEntries = 4_096;
    private readonly ConcurrentDictionary<string, (byte[] Json, Reply Reply)> _answers = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<Term, byte[]> _cards = [];
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

    /// <summary>
    /// The serialized answer to <paramref name="reply"/>. A plain term card (no correction, heading or alternatives, its
    /// senses in the file's order) is what <see cref="Bot"/> draws from its term alone, so it is serialized once per term
    /// object: a corpus reload makes new term objects, and the old ones' cards go with them. Anything else is serialized
    /// each time.
    /// </summary>
    public byte[] Serialized(Reply reply, Func<Reply, byte[]> serialize) =>
        reply is Reply.TermCard { CorrectedFrom: null, Heading: null, Alternatives: null } card && card.SensesInOrder.SequenceEqual(card.Term.SenseList)
            ? _cards.GetValue(card.Term, _ => serialize(reply))
            : serialize(reply);
}
