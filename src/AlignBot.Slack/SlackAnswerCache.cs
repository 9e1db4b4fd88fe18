using System.Collections.Concurrent;
using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Stores;
using AlignBot.Glossary;

namespace AlignBot.Slack;

/// <summary>
/// The serialized answers to slash commands people repeat ("define rlhf"), so a repeated question costs neither a
/// lookup nor building and serializing the Block Kit card again. Only answers the bot says may be cached
/// (<see cref="ImmediateAnswer.MayBeCached"/>) are kept, keyed by the corpus version, so a corpus reload starts afresh,
/// and by workspace, so one workspace never sees another's answer; a workspace with terms of its own is never served
/// from the cache, since its terms change without a corpus reload. Bounded: it empties itself when full.
/// </summary>
internal sealed class SlackAnswerCache(TermGlossary glossary, WorkspaceGlossaries? workspaces = null)
{
    private const int MaxEntries = 4_096;
    private readonly ConcurrentDictionary<string, (byte[] Json, Reply Reply)> _answers = new(StringComparer.Ordinal);
    private object _version = glossary.Version;

    /// <summary>The serialized answer and the reply it renders, when this text was answered before in this workspace.</summary>
    public (byte[] Json, Reply Reply)? TryGet(string teamId, string text)
    {
        if (!ReferenceEquals(Volatile.Read(ref _version), glossary.Version))
            return null;
        if (workspaces?.Current(new WorkspaceKey(Platform.Slack, teamId)) is { Glossary.Count: > 0 })
            return null;
        return _answers.TryGetValue(Key(teamId, text), out var answer) ? answer : null;
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
        if (_answers.Count >= MaxEntries)
            _answers.Clear();
        _answers[Key(teamId, text)] = (json, answer.Reply);
    }

    private static string Key(string teamId, string text) => teamId + "\n" + text.Trim().ToLowerInvariant();
}
