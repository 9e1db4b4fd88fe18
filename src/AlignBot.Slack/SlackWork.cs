using AlignBot.Chat;
using AlignBot.Chat.Living;
using AlignBot.Chat.Work;

namespace AlignBot.Slack;

/// <summary>
/// Plain data queued by the Slack endpoints after they acknowledged: the parsed request and where its reply goes.
/// <see cref="SlackWorker"/> runs the bot, renders and delivers.
/// </summary>
internal abstract record SlackWork(string TeamId, ChatRequest? Request) : IChatWork
{
    /// <summary>Publish the Home tab of <paramref name="UserId"/>, who opened it (no chat request: nothing was asked).</summary>
    public sealed record PublishHome(string TeamId, string UserId) : SlackWork(TeamId, null);

    /// <summary>Answer a mention or DM with chat.postMessage, in the thread when there is one.</summary>
    public sealed record Answer(string TeamId, ChatRequest Request, string Channel, string? ThreadTs) : SlackWork(TeamId, Request);

    /// <summary>
    /// A living-glossary button clicked in <paramref name="UserId"/>'s Home tab (Approve, Edit, Reject, Add definition), which
    /// has no response_url: the form opens as a modal on <paramref name="TriggerId"/>, any other reply goes to the person's
    /// messages with the app, and after a decision the Home is published again without the decided suggestion.
    /// </summary>
    public sealed record FromHome(string TeamId, ChatRequest Request, string UserId, string? TriggerId) : SlackWork(TeamId, Request);

    /// <summary>
    /// Answer a slash command or a click through its response_url, drawn as <paramref name="Card"/> and placed as
    /// <paramref name="Placement"/>. With <paramref name="Inline"/> the endpoint may still take the reply for its HTTP
    /// response; the response_url is used only when it gave up (and is null for a command that came without one). With
    /// <paramref name="TriggerId"/> (a command's or a click's), a reply that is the suggestion form opens as a modal.
    /// </summary>
    public sealed record Respond(string TeamId, ChatRequest Request, Uri? ResponseUrl, SlackCard Card, SlackPlacement Placement,
        InlineReply? Inline = null, string? TriggerId = null) : SlackWork(TeamId, Request);

    /// <summary>
    /// A suggestion form submitted, checked and already stored (<paramref name="Change"/>): tell the curators of a new
    /// suggestion, or make a curator's edit answer and tell whoever suggested it; the person who submitted is told
    /// privately, and the review message an edit came from (<paramref name="ReviewUrl"/>, its response_url) shows the outcome.
    /// </summary>
    public sealed record Submit(string TeamId, ChatRequest Request, CurationChange Change, Uri? ReviewUrl)
        : SlackWork(TeamId, Request);
}
