using System.Text.Json.Nodes;
using AlignBot.Chat;

namespace AlignBot.Slack;

/// <summary>Work done after Slack has been answered: an answer to post, or a message for a response_url.</summary>
internal abstract record SlackWork(string TeamId)
{
    /// <summary>Answer a mention or DM with chat.postMessage, in the thread when there is one.</summary>
    public sealed record Answer(string TeamId, string Channel, string? ThreadTs, ChatRequest Request) : SlackWork(TeamId);

    /// <summary>A slash command that outlasted the acknowledgement: its reply goes to the response_url when it is ready.</summary>
    public sealed record Finish(string TeamId, Uri ResponseUrl, Task<Reply> Reply) : SlackWork(TeamId);

    /// <summary>Deliver a ready message to an interaction's response_url.</summary>
    public sealed record Respond(string TeamId, Uri ResponseUrl, JsonObject Message) : SlackWork(TeamId);
}
