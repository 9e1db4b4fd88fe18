using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AlignBot.Chat;

namespace AlignBot.Testing;

/// <summary>
/// What one host counts in <c>alignbot.requests</c>, through a <see cref="MeterListener"/>: only the instrument its own
/// <see cref="IMeterFactory"/> made, so hosts of tests running beside it are not counted. Each measurement is one
/// (platform, outcome) pair; <see cref="WaitForAsync"/> returns once as many as asked for were recorded.
/// </summary>
public sealed class RequestCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Platform, string Outcome)> _counted = new();
    private readonly SemaphoreSlim _recorded = new(0);

    public RequestCounts(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == ChatMetrics.MeterName && instrument.Name == ChatMetrics.Requests)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var (platform, outcome) = ("", "");
            foreach (var tag in tags)
            {
                if (tag.Key == "platform")
                    platform = tag.Value as string ?? "";
                else if (tag.Key == "outcome")
                    outcome = tag.Value as string ?? "";
            }
            for (var i = 0; i < value; i++)
                _counted.Enqueue((platform, outcome));
            _recorded.Release();
        });
        _listener.Start();
    }

    /// <summary>Everything counted so far, in order.</summary>
    public IReadOnlyList<(string Platform, string Outcome)> Counted => [.. _counted];

    /// <summary>Everything counted, once there are at least <paramref name="count"/>; fails when 10 seconds pass without a count.</summary>
    public async Task<IReadOnlyList<(string Platform, string Outcome)>> WaitForAsync(int count)
    {
        while (_counted.Count < count)
        {
            if (!await _recorded.WaitAsync(TimeSpan.FromSeconds(10)))
                throw new TimeoutException($"{_counted.Count} of {count} requests counted.");
        }
        return Counted;
    }

    public void Dispose()
    {
        _listener.Dispose();
        _recorded.Dispose();
    }
}
