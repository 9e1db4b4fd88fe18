using Microsoft.Extensions.Logging;

namespace AlignBot.Chat.Stores;

/// <summary>
/// Carries out a signed or authenticated delivery once: its id (a Slack trigger_id, a Teams activity id) is claimed in
/// the shared store, so a replay of the same request inside its signature's or token's window, on any replica, is
/// recognised and answered without effect. With the store down the check is skipped (one Warning line) and the
/// delivery is carried out: answers go on without the store, and the effects a replay could repeat that matter most
/// (daily settings) need the store themselves.
/// </summary>
public sealed class ReplayGuard(IEventDeduplicator seen, TimeProvider clock, ILogger<ReplayGuard> log)
{
    /// <summary>True when <paramref name="deliveryId"/> of this <paramref name="kind"/> in <paramref name="scope"/> (a team, a
    /// conversation) was already taken within <paramref name="keepFor"/>: the caller answers 200 and does nothing.</summary>
    public async Task<bool> IsReplayAsync(string kind, string scope, string deliveryId, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        try
        {
            if (await seen.TryClaimAsync(Key(kind, scope, deliveryId), clock.GetUtcNow(), keepFor, cancellationToken))
                return false;
            log.ReplayIgnored(kind, scope);
            return true;
        }
        catch (StoreUnavailableException)
        {
            log.ReplayCheckSkipped(kind, scope);
            return false;
        }
    }

    /// <summary>Gives a claimed delivery back when it could not be carried out after all, so a retry of it is.</summary>
    public async Task ReleaseAsync(string kind, string scope, string deliveryId)
    {
        try
        {
            await seen.ReleaseAsync(Key(kind, scope, deliveryId), CancellationToken.None);
        }
        catch (StoreUnavailableException)
        {
            log.ReplayCheckSkipped(kind, scope);
        }
    }

    private static string Key(string kind, string scope, string deliveryId) => $"{kind}:{scope}:{deliveryId}";
}
