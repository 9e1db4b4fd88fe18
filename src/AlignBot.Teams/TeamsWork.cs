using AlignBot.Chat;
using AlignBot.Chat.Work;

namespace AlignBot.Teams;

/// <summary>
/// Plain data queued by the router: the request to answer (null for the welcome when AlignBot is added) and the
/// conversation to answer in, as a reply to someone or (no user) a proactive post. With
/// <paramref name="WelcomeTeamId"/> it is the welcome into a team's channel, sent only when the team has at most
/// <see cref="TeamsWorker.LargeTeam"/> members. With <paramref name="Form"/> it is a submitted suggestion form, answered
/// with the form again (what to fix) or the outcome.
/// </summary>
internal sealed record TeamsWork(string ServiceUrl, string ConversationId, string? ReplyToId, ActivityAccount Bot, ActivityAccount? User, ChatRequest? Request,
    string? WelcomeTeamId = null, TeamsForm? Form = null) : IChatWork;
