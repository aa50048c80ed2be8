using BenchmarkDotNet.Running;
using CoordinationHub.Benchmarks;

// Pass BenchmarkDotNet's own arguments through, e.g. --filter '*' --job short (see bench/run-bdn.sh).
BenchmarkSwitcher.FromAssembly(typeof(MessageFramingBenchmarks).Assembly).Run(args);
