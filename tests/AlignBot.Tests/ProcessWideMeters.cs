namespace AlignBot.Tests;

/// <summary>
/// Tests that count metrics run alone, after the parallel tests: OpenTelemetry listens to every meter named
/// <c>AlignBot</c> in the process, so requests made by other test hosts running beside them would be counted too.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMeters), DisableParallelization = true)]
public sealed class ProcessWideMeters;
