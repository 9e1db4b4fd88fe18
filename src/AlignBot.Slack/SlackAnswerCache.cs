using System.Runtime.CompilerServices;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;
using AlignBot.Glossary.Search;

namespace AlignBot.Slack;

/// <summary>
/// The serialized answers to slash commands people repeat ("define rlhf"), so a repeated question costs neither a
/// lookup nor building and serializing the Block Kit card again. Only answers the bot says may be cached
/// (<see cref="ImmediateAnswer.MayBeCached"/>) are kept, keyed by the corpus version, so a corpus reload starts afresh,
/// and by workspace, so one workspace never sees another's answer; a workspace with terms of its own is never served
/// from the cache, since its terms change without a corpus reload. Bounded: it empties itself when full. Distinct words
/// that lead to the same plain corpus term card ("define rlhf", "what is RLHF?", "rlhf explained") share one serialized
/// card (<see cref="Serialized"/>): a busy workspace asks about a hundred terms in thousands of ways, and rendering and
/// serializing a card costs more than finding its term by name.
/// </summary>
internal sealed class SlackAnswerCache(TermGlossary glossary, WorkspaceGlossaries? workspaces = null)
{
    private const int MaxEntries = 4_096;
    private readonly BoundedMemo<(byte[] Json, Reply Reply)> _answers = new(MaxEntries);
    private readonly ConditionalWeakTable<Term, byte[]> _cards = [];
    private object _version = glossary.Version;

    /// <summary>The serialized answer and the reply it renders, when this text was answered before in this workspace.</summary>
    public (byte[] Json, Reply Reply)? TryGet(string teamId, string text)
    {
        if (!ReferenceEquals(Volatile.Read(ref _version), glossary.Version))
            return null;
        if (workspaces?.Current(new WorkspaceKey(Platform.Slack, teamId)) is { Glossary.Count: > 0 })
            return null;
        return _answers.TryGet(Key(teamId, text), out var answer) ? answer : null;
    }

    /// <summary>Keeps the serialized answer to <paramref name="text"/> in the workspace when the bot said it may be cached.</summary>
    public void Offer(string teamId, string text, ImmediateAnswer answer, byte[] json)
    {
        if (!answer.MayBeCached)
            return;
        var version = glossary.Version;
        if (!ReferenceEquals(Volatile.Read(ref _version), version))
        {
            _answers.Clear();
            Volatile.Write(ref _version, version);
        }
        _answers.Remember(Key(teamId, text), (json, answer.Reply));
    }

    /// <summary>
    /// The serialized answer to <paramref name="reply"/>. A plain corpus term card (no correction, heading, alternatives or
    /// workspace origin, its senses in the file's order) is what <see cref="Bot"/> draws from its term alone, so it is serialized once per term
    /// object: a corpus reload makes new term objects, and the old ones' cards go with them. Anything else is serialized
    /// each time.
    /// </summary>
    public byte[] Serialized(Reply reply, Func<Reply, byte[]> serialize) =>
        reply is Reply.TermCard { CorrectedFrom: null, Heading: null, Alternatives: null, Origin: null } card && card.SensesInOrder.SequenceEqual(card.Term.SenseList)
            ? _cards.GetValue(card.Term, _ => serialize(reply))
            : serialize(reply);

    private static string Key(string teamId, string text) => teamId + "\n" + text.Trim().ToLowerInvariant();
}
