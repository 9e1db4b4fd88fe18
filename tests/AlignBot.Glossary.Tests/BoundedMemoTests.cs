using AlignBot.Glossary.Search;

namespace AlignBot.Glossary.Tests;

/// <summary>The bounded memo the lookup and answer caches keep: bounded, replacing, never counting under its locks.</summary>
public sealed class BoundedMemoTests
{
    [Fact]
    public void Past_its_capacity_it_forgets_everything_and_refills()
    {
        var memo = new BoundedMemo<int>(capacity: 3);
        foreach (var (key, i) in new[] { "a", "b", "c" }.Select((k, i) => (k, i)))
            memo.Remember(key, i);
        Assert.True(memo.TryGet("a", out _));

        memo.Remember("d", 3);   // the fourth

        Assert.False(memo.TryGet("a", out _));
        memo.Remember("e", 4);
        Assert.True(memo.TryGet("e", out var e));
        Assert.Equal(4, e);
    }

    [Fact]
    public void Remembering_a_known_key_replaces_its_value_without_counting_it_again()
    {
        var memo = new BoundedMemo<string>(capacity: 2);
        memo.Remember("a", "first");
        for (var i = 0; i < 10; i++)
            memo.Remember("a", $"answer {i}");
        memo.Remember("b", "other");

        Assert.True(memo.TryGet("a", out var a));   // ten replacements and one more key: still within two
        Assert.Equal("answer 9", a);
        Assert.Equal("other", memo.GetOrAdd("b", _ => "computed"));
    }

    [Fact]
    public void Many_threads_remembering_distinct_keys_stay_about_its_capacity()
    {
        var memo = new BoundedMemo<int>(capacity: 100);
        Parallel.For(0, 10_000, i => memo.Remember($"key {i}", i));

        var kept = Enumerable.Range(0, 10_000).Count(i => memo.TryGet($"key {i}", out _));
        // A key added while another thread clears may escape the count until the next clear: at most one per thread.
        Assert.InRange(kept, 1, 100 + 64);
    }
}
