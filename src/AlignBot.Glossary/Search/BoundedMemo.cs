using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AlignBot.Glossary.Search;

/// <summary>
/// Remembered values by string key, for any number of threads. Bounded: past <paramref name="capacity"/> entries it
/// forgets everything and refills. The count is kept apart, because a <see cref="ConcurrentDictionary{TKey,TValue}"/>
/// takes all its locks to count (up to one per 4 buckets once it has grown): counting on every request made every
/// request wait for every other.
/// </summary>
public sealed class BoundedMemo<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);
    private int _count;

    public TValue GetOrAdd(string key, Func<string, TValue> compute)
    {
        if (_values.TryGetValue(key, out var known))
            return known;
        var value = compute(key);
        Remember(key, value);
        return value;
    }

    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value) => _values.TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/>, replacing what was there.</summary>
    public void Remember(string key, TValue value)
    {
        if (!_values.TryAdd(key, value))
            _values[key] = value;
        else if (Interlocked.Increment(ref _count) > capacity)
            Clear();
    }

    public void Clear()
    {
        _values.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
