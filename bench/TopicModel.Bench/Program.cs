using BenchmarkDotNet.Running;
using TopicModel.Bench;

// "throughput [documents]" prints docs/s directly; "corpus", "train" and "f1" are the steps of
// bench/compare.sh; anything else goes to BenchmarkDotNet (e.g. --filter '*Featurizer*' --job short).
switch (args.FirstOrDefault())
{
    case "throughput":
        Throughput.Run(args.Length > 1 ? int.Parse(args[1]) : 200_000);
        return;
    case "corpus" when args.Length >= 4:
        ScaleCorpus.Run(args[1], args[2], int.Parse(args[3]), args.Skip(4).Select(int.Parse).ToArray());
        return;
    case "train" when args.Length == 5:
        TrainBench.Run(args[1], args[2], args[3], args[4]);
        return;
    case "f1" when args.Length == 4:
        FastTextF1.Run(args[1], args[2], args[3]);
        return;
    case "score-profile" when args.Length >= 3:
        ScoreProfile.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 20_000, components: args.Length > 4 && args[4] == "components");
        return;
    case "embed" when args.Length >= 3:
        EmbedThroughput.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 100);
        return;
    case "embed-export" when args.Length >= 4:
        EmbedExport.Run(args[1], args[2], args[3..]);
        return;
    case "fold-in-sweeps" when args.Length == 4:
        FoldInSweeps.Run(args[1], args[2], int.Parse(args[3]));
        return;
    case "term-lookup" when args.Length >= 3:
        TermLookup.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 20_000);
        return;
    case "id-sort" when args.Length >= 3:
        IdSortBench.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 20_000);
        return;
    case "record-codec" when args.Length >= 3:
        RecordCodecBench.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3]) : 20_000);
        return;
    case "number-sweep":
        NumberSweep.Run(args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [6, 4]);
        return;
    case "corpus" or "train" or "f1" or "score-profile" or "embed" or "embed-export" or "term-lookup" or "fold-in-sweeps" or "id-sort" or "record-codec":
        Console.Error.WriteLine("usage: corpus CORPUS_DIR OUT_DIR TRAIN_SIZE [SCORE_SIZE...] | train TRAIN.jsonl HELDOUT.jsonl CLASSES.txt BUNDLE.zip | f1 GOLD.ft PREDICTIONS CLASSES.txt | score-profile BUNDLE INPUT.jsonl [N [components]] | embed MiniLM|ArcticXs PAPERS.jsonl [N] | embed-export MiniLM|ArcticXs OUT.jsonl INPUTS... | term-lookup BUNDLE INPUT.jsonl [N] | fold-in-sweeps BUNDLE INPUT.jsonl N | id-sort BUNDLE INPUT.jsonl [N] | record-codec BUNDLE INPUT.jsonl [N] | number-sweep [DECIMALS...]");
        Environment.Exit(2);
        return;
}
if (args.Length > 0 && args[0].StartsWith("lda-", StringComparison.Ordinal))
{
    LdaCompare.Run(args);
    return;
}
if (args.Length > 0 && args[0] == "mlnet-trainers")
{
    MlNetTrainers.Run(args);
    return;
}
if (args.Length > 0 && args[0].StartsWith("fasttree-", StringComparison.Ordinal))
{
    FastTreeCompare.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(FeaturizerBenchmarks).Assembly).Run(args);
