using AlignBot.Chat.Stores;
using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Work;

/// <summary>
/// The one shape of every platform's worker: run the queued request through the <see cref="Bot"/>, then let the
/// platform render and deliver the reply. Cancellation is the worker's own token, which fires only when the host's
/// shutdown timeout runs out, never the acknowledged HTTP request's. When the bot fails on a request, whoever asked is
/// told so (<see cref="Failed"/>) where the answer would have gone, instead of being left with nothing (or with Slack's
/// "Working on it…"); the failure itself is still logged by <see cref="QueueWorker{T}"/>.
/// </summary>
public abstract class ChatWorker<T>(WorkQueue<T> queue, Bot bot, int consumers, ILogger log) : QueueWorker<T>(queue, consumers, log)
    where T : IChatWork
{
    private readonly ILogger _log = log;

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

    /// <summary>What someone whose request failed is told: a store outage, or a fault of AlignBot's own (logged).</summary>
    private static Reply.Notice Failed(Exception failure) => failure is StoreUnavailableException
        ? new Reply.Notice("AlignBot cannot reach its store right now, so it could not finish that. Try again in a minute; definitions still work.")
        : new Reply.Notice("Something went wrong on AlignBot's side and it could not finish that. It has been logged; try again in a minute.");

    /// <summary>
    /// How whoever asked is told that the bot failed on <paramref name="work"/>: the notice, and the work to deliver it as
    /// (a platform may send it more privately than the answer would have gone); null tells no one. By default
    /// <see cref="Failed"/>, where the answer would have gone, for work that asked something.
    /// </summary>
    protected virtual (T Work, Reply Notice)? WhenFailed(T work, Exception failure) => work.Request is null ? null : (work, Failed(failure));

    protected sealed override async Task HandleAsync(T work, CancellationToken cancellationToken)
    {
        Reply reply;
        try
        {
            reply = await ReplyAsync(work, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && WhenFailed(work, ex) is { } tell)
        {
            await TellFailedAsync(tell.Work, tell.Notice, cancellationToken);
            throw;   // logged once by the queue worker, as every failure is
        }
        await DeliverAsync(work, reply, cancellationToken);
    }

    /// <summary>Delivers the notice; if even that fails (or is cancelled), one line says so and the failure itself is still logged after.</summary>
    private async Task TellFailedAsync(T work, Reply notice, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(work, notice, cancellationToken);
        }
        catch (Exception ex)
        {
            _log.WorkFailureNotTold(GetType().Name, work.GetType().Name, ex.GetType().Name);
        }
    }
}
