using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AlignBot.Benchmarks -- --filter '*'   (see bench/README.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point of the benchmarks; never run by <c>dotnet test</c>.</summary>
public partial class Program;
