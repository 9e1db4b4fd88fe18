namespace AlignBot.Tests;

/// <summary>
/// Tests that start many AlignBot processes one after another run alone, after the parallel tests: on a small machine
/// their start-ups would otherwise slow the timing-sensitive tests beside them (the corpus watcher's, say).
/// </summary>
[CollectionDefinition(nameof(SerialProcessRuns), DisableParallelization = true)]
public sealed class SerialProcessRuns;
