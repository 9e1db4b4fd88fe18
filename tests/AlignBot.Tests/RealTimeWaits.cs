namespace AlignBot.Tests;

/// <summary>
/// Tests that wait on real time for background work (the corpus watcher picking up an edit) run alone, after the
/// parallel tests, so the hosts started beside them on two busy cores cannot delay that work past what the tests allow.
/// </summary>
[CollectionDefinition(nameof(RealTimeWaits), DisableParallelization = true)]
public sealed class RealTimeWaits;
