namespace AlignBot.Chat.Work;

/// <summary>
/// Where a worker hands a reply back to the endpoint that queued it, while that endpoint may still answer in its
/// HTTP response. Exactly one side wins: either the endpoint takes the reply within its budget, or it gives up first
/// and the worker delivers the reply the platform's slow way. Thread-safe.
/// </summary>
public sealed class InlineReply
{
    private const int Open = 0, Handed = 1, Abandoned = 2;
    private readonly TaskCompletionSource<Reply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>Gives the reply to the waiting endpoint; false when it has given up, so the worker must deliver it.</summary>
    public bool TryHand(Reply reply)
    {
        if (Interlocked.CompareExchange(ref _state, Handed, Open) != Open)
            return false;
        _reply.SetResult(reply);
        return true;
    }

    /// <summary>
    /// The reply, when the worker hands it over within <paramref name="budget"/> (measured on <paramref name="clock"/>);
    /// null when the budget ran out or the request was aborted first, and the worker will deliver it instead.
    /// </summary>
    public async Task<Reply?> WaitAsync(TimeSpan budget, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            return await _reply.Task.WaitAsync(budget, clock, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return Interlocked.CompareExchange(ref _state, Abandoned, Open) == Open ? null : await _reply.Task;
        }
    }
}
