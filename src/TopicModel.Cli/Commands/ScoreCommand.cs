using System.CommandLine;
using TopicModel.Cli.Rendering;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML.IO;
using TopicModel.Training.Bundles;
using TopicModel.Training.Scoring;

namespace TopicModel.Cli.Commands;

/// <summary>
/// `topicmodel score`: label digests, JSONL or CSV in bulk with a trained bundle. Streams in constant
/// memory on all cores; output keeps input order; bad records go to the rejects file.
/// </summary>
public static class ScoreCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string>("--model", "-m") { Description = "The model bundle (models/<name>.zip).", Required = true };
        var inputs = new Argument<string[]>("inputs") { Description = "Digests (.txt), JSONL or CSV files, directories of them, or patterns such as 'data/*.jsonl'; - reads standard input.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Output file; - writes standard output.", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format", "-f") { Description = "jsonl or csv [default: from the output's extension, else jsonl]." };
        var rejects = new Option<string?>("--rejects") { Description = "Where rejected records go [default: <output>.rejects.jsonl, or rejects.jsonl when writing to standard output]." };
        var top = new Option<int>("--top") { Description = "How many best topics each record lists.", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 uses every core.", DefaultValueFactory = _ => 0 };
        var inputFormat = new Option<string?>("--input-format") { Description = "auto, digest, jsonl or csv (needed for - when it cannot be sniffed) [default: auto]." };
        var shard = new Option<string?>("--shard") { Description = "I/N: score only shard I (0 to N-1) of N; the N outputs, concatenated in order, are the output of one run over all inputs." };
        var noMixture = new Option<bool>("--no-topic-mixture") { Description = "Leave out the LDA topic mixture (topicMixture) that is added to every record when the bundle has a topic model." };
        var command = new Command("score", "Label new papers with a trained model: one output record per input paper, in input order.")
        {
            model, inputs, output, format, rejects, top, threads, inputFormat, noMixture, shard,
        };
        command.SetAction((parse, cancellation) =>
        {
            var bundle = ModelBundleFile.Load(parse.GetValue(model)!);
            var outPath = parse.GetValue(output)!;
            var toStdout = outPath == "-";
            var fmt = ParseFormat(parse.GetValue(format), outPath);
            var rejectsPath = parse.GetValue(rejects) ?? (toStdout ? "rejects.jsonl" : outPath + ".rejects.jsonl");
            var readerOptions = ReaderOptions.Default with { Format = ParseInputFormat(parse.GetValue(inputFormat)) };
            var options = new ScoringOptions(fmt, parse.GetValue(top), DegreeOfParallelism: parse.GetValue(threads), Reader: readerOptions,
                TopicMixture: !parse.GetValue(noMixture), Shard: parse.GetValue(shard) is { } s ? Shard.Parse(s) : null);
            var files = ScoringInputs.Expand(parse.GetValue(inputs)!);
            foreach (var f in files.Where(f => f != "-" && !File.Exists(f)))
                throw new ML.TopicModelException("input file not found", f);

            using var progress = ProgressLine.ForStandardError(toStdout);
            ScoringSummary summary = null!;
            AtomicFile.WriteText(rejectsPath, rejectWriter =>
            {
                if (toStdout)
                {
                    using var stdoutStream = Console.OpenStandardOutput();
                    summary = BatchScorer.Score(files, bundle, stdoutStream, rejectWriter, options, progress.Report, w => stderr.WriteLine($"warning: {w.File}:{w.Line}: {w.Message}"), cancellation);
                }
                else
                {
                    AtomicFile.Write(outPath, stream =>
                        summary = BatchScorer.Score(files, bundle, stream, rejectWriter, options, progress.Report, w => stderr.WriteLine($"warning: {w.File}:{w.Line}: {w.Message}"), cancellation));
                }
            });
            progress.Done();
            stderr.WriteLine($"scored {summary.Scored:N0} papers in {summary.Elapsed.TotalSeconds:0.00} s ({summary.PapersPerSecond:N0}/s); rejected {summary.Rejected:N0}" +
                             (summary.Rejected > 0 ? $" (see {rejectsPath})" : "") + (toStdout ? "" : $"; output: {outPath}"));
            return Task.FromResult(summary.Rejected > 0 ? ExitCodes.CompletedWithRejects : ExitCodes.Ok);
        });
        return command;
    }

    private static OutputFormat ParseFormat(string? format, string outPath) => (format?.ToLowerInvariant()) switch
    {
        "csv" => OutputFormat.Csv,
        "jsonl" => OutputFormat.Jsonl,
        null => outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Csv : OutputFormat.Jsonl,
        _ => throw new ML.TopicModelException($"--format: expected jsonl or csv, got '{format}'"),
    };

    private static InputFormat ParseInputFormat(string? format) => (format?.ToLowerInvariant()) switch
    {
        null or "auto" => InputFormat.Auto,
        "digest" => InputFormat.Digest,
        "jsonl" => InputFormat.Jsonl,
        "csv" => InputFormat.Csv,
        _ => throw new ML.TopicModelException($"--input-format: expected auto, digest, jsonl or csv, got '{format}'"),
    };
}
