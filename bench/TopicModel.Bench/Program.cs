using BenchmarkDotNet.Running;
using TopicModel.Bench;

// "throughput [documents]" prints docs/s directly; anything else goes to BenchmarkDotNet
// (e.g. --filter '*Featurizer*' --job short).
if (args.Length > 0 && args[0] == "throughput")
{
    Throughput.Run(args.Length > 1 ? int.Parse(args[1]) : 200_000);
    return;
}
if (args.Length > 0 && args[0].StartsWith("fasttree-", StringComparison.Ordinal))
{
    FastTreeCompare.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(FeaturizerBenchmarks).Assembly).Run(args);
