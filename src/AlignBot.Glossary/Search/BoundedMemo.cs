using System.Collections.Concurrent;

namespace AlignBot.Glossary.Search;

/// <summary>
/// Remembered results of a pure function of a string, for any number of threads. Bounded: past
/// <paramref name="capacity"/> entries it forgets everything and refills. The count is kept apart, because a
/// <see cref="ConcurrentDictionary{TKey,TValue}"/> takes all its locks to count.
/// </summary>
internal sealed class BoundedMemo<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);
    private int _count;

    public TValue GetOrAdd(string key, Func<string, TValue> compute)
    {
        if (_values.TryGetValue(key, out var known))
            return known;
        var value = compute(key);
        if (_values.TryAdd(key, value) && Interlocked.Increment(ref _count) > capacity)
            Clear();
        return value;
    }

    public void Clear()
    {
        _values.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
