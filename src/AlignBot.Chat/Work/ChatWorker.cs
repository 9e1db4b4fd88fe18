using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Work;

/// <summary>
/// The one shape of every platform's worker: run the queued request through the <see cref="Bot"/>, then let the
/// platform render and deliver the reply. Cancellation is the worker's own token, which fires only when the host's
/// shutdown timeout runs out, never the acknowledged HTTP request's.
/// </summary>
public abstract class ChatWorker<T>(WorkQueue<T> queue, Bot bot, int consumers, ILogger log) : QueueWorker<T>(queue, consumers, log)
    where T : IChatWork
{
    /// <summary>Renders <paramref name="reply"/> for the platform and delivers it where <paramref name="work"/> says.</summary>
    protected abstract Task DeliverAsync(T work, Reply reply, CancellationToken cancellationToken);

    /// <summary>The bot that answers the queued requests.</summary>
    protected Bot Bot { get; } = bot;

    /// <summary>
    /// The request as the bot will see it: a platform may add what it knows about the person that the request did not
    /// carry (their time zone, for <c>daily on</c>). The request unchanged by default.
    /// </summary>
    protected virtual Task<ChatRequest> PrepareAsync(T work, ChatRequest request, CancellationToken cancellationToken) => Task.FromResult(request);

    /// <summary>The reply to <paramref name="work"/>: the bot's answer to its request (help for a greeting); a platform overrides it for work that is not a chat request, such as a submitted form.</summary>
    protected virtual async Task<Reply> ReplyAsync(T work, CancellationToken cancellationToken) =>
        work.Request is { } request ? await Bot.RunAsync(await PrepareAsync(work, request, cancellationToken), cancellationToken) : Bot.Help();

    protected sealed override async Task HandleAsync(T work, CancellationToken cancellationToken)
    {
        var reply = await ReplyAsync(work, cancellationToken);
        await DeliverAsync(work, reply, cancellationToken);
    }
}
