using System.CommandLine;
using System.Runtime.CompilerServices;
using TopicModel.Cli.Rendering;
using TopicModel.DataPrep.Ingestion;
using TopicModel.ML;
using TopicModel.ML.IO;
using TopicModel.Training.Bundles;
using TopicModel.Training.Recipes;
using TopicModel.Training.Scoring;

namespace TopicModel.Cli.Commands;

/// <summary>
/// `topicmodel score`: label digests, JSONL or CSV in bulk with a trained bundle. Streams in constant
/// memory on all cores; output keeps input order; bad records go to the rejects file (made only when there
/// are some). Ctrl+C or SIGTERM keeps what was scored as &lt;output&gt;.partial, and --resume continues from it.
/// </summary>
public static class ScoreCommand
{
    public const string Description = "Label new papers with a trained model: one output record per input paper, in input order.";

    public static Command Create(TextWriter stdout, TextWriter stderr) => Configure(new Command("score", Description), stderr);

    /// <summary>
    /// Adds score's options and action to <paramref name="command"/>: the `score` verb of `topicmodel`, or the root
    /// command of the native `topicmodel-score` (src/TopicModel.Scorer), which links this file.
    /// </summary>
    public static TCommand Configure<TCommand>(TCommand command, TextWriter stderr) where TCommand : Command
    {
        var recipeOption = RecipeOption.Create();
        var model = new Option<string?>("--model", "-m") { Description = "The model bundle [default: the recipe's models/<name>.zip]." };
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Digests (.txt), JSONL or CSV files, folders (every such file inside, in sorted order) or quoted globs ('data/*.txt'); - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        }.RejectingUnknownOptions();
        var output = new Option<string>("--output", "-o") { Description = "Output file (.jsonl, .csv or .parquet); - writes standard output.", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format", "-f") { Description = "jsonl, csv or parquet [default: from the output's extension; jsonl for standard output]." };
        var rejects = new Option<string?>("--rejects") { Description = "Where rejected records go, created only when a record is rejected [default: <output>.rejects.jsonl, or rejects.jsonl when writing to standard output]." };
        var top = new Option<int>("--top") { Description = "How many best topics each record lists.", DefaultValueFactory = _ => 3 }.AtLeast(1, "topics per record");
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 uses every core.", DefaultValueFactory = _ => 0 }.AtLeast(0, "0 means every core");
        var inputFormat = new Option<string?>("--input-format") { Description = "auto, digest, jsonl or csv (needed for - when it cannot be sniffed) [default: auto]." };
        var noMixture = new Option<bool>("--no-topic-mixture") { Description = "Leave out the LDA topic mixture (topicMixture) that is added to every record when the bundle has a topic model." };
        var digestYear = DigestYearOption.Create();
        var shard = new Option<string?>("--shard") { Description = "I/N: score only shard I (0 to N-1) of N; the N outputs, concatenated in order, are the output of one run over all inputs." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run from <output>.partial (same inputs and options); the result is the uninterrupted run's output." };
        var accurate = AccurateOption.Create("Score with the bundle's teacher (sentence vectors; far slower) instead of its fast distilled student.");
        foreach (var option in new Option[] { recipeOption, model, output, format, rejects, top, threads, inputFormat, noMixture, digestYear, shard, resume, accurate })
            command.Options.Add(option);
        command.Arguments.Add(inputs);
        command.SetAction((parse, cancellation) =>
        {
            var outPath = parse.GetValue(output)!;
            var toStdout = outPath == "-";
            var fmt = OutputFormats.Resolve(parse.GetValue(format), outPath);
            var rejectsPath = parse.GetValue(rejects) ?? (toStdout ? "rejects.jsonl" : outPath + ".rejects.jsonl");
            if (!toStdout && Path.GetFullPath(rejectsPath) == Path.GetFullPath(outPath))
                throw new TopicModelException("--rejects: the rejects file cannot be the output itself", rejectsPath);
            if (toStdout && fmt == OutputFormat.Parquet) throw new TopicModelException("Parquet output needs a file (-o scored.parquet): its footer is written after the rows");
            if (fmt == OutputFormat.Parquet && !RuntimeFeature.IsDynamicCodeSupported) throw new TopicModelException(ScoredPaperWriter.ParquetNeedsJit, outPath);
            if (parse.GetValue(resume) && toStdout) throw new TopicModelException("--resume continues an output file: give -o FILE");
            var files = InputFiles.Expand(parse.GetValue(inputs)!);
            var readerOptions = ReaderOptions.Default with
            {
                Format = ParseInputFormat(parse.GetValue(inputFormat)),
                DigestYear = parse.GetValue(digestYear),
            };
            var bundle = AccurateOption.Select(ModelBundleFile.Load(parse.GetValue(model) ?? RecipeOption.DefaultBundle(RecipeReader.Read(parse.GetValue(recipeOption)!))),
                parse.GetValue(accurate));
            bundle.Classifier.StartWarmingUp();
            var options = new ScoringOptions(fmt, parse.GetValue(top), DegreeOfParallelism: parse.GetValue(threads), Reader: readerOptions,
                TopicMixture: !parse.GetValue(noMixture), Shard: parse.GetValue(shard) is { } s ? Shard.Parse(s) : null);
            var job = new Job(files, bundle, outPath, rejectsPath, options, stderr);
            return Task.FromResult(parse.GetValue(resume) ? job.Resume(cancellation) : job.Run(0, 0, cancellation));
        });
        return command;
    }

    /// <summary>One scoring run, fresh or resumed: its outputs, the partial files an interruption leaves, and what it prints.</summary>
    private sealed class Job(IReadOnlyList<string> files, ModelBundle bundle, string outPath, string rejectsPath, ScoringOptions options, TextWriter stderr)
    {
        private bool ToStdout => outPath == "-";
        private bool Mixture => options.TopicMixture && bundle.Lda is not null;

        /// <summary>Starts from the records an interrupted run kept.</summary>
        public int Resume(CancellationToken cancellation)
        {
            var partial = PartialOutput.PathOf(outPath);
            if (options.Format == OutputFormat.Parquet)
                throw new TopicModelException("--resume continues JSONL or CSV output; a Parquet file is written whole (score to .jsonl or .csv to resume)", outPath);
            if (!File.Exists(partial))
                throw new TopicModelException("nothing to resume: no partial output here (an interrupted `score -o` leaves one)", partial);
            if (options.Format == OutputFormat.Csv) PartialOutput.RequireCsvHeader(partial, Mixture);
            var scored = PartialOutput.CountRecords(partial, options.Format);
            var rejectsPartial = PartialOutput.PathOf(rejectsPath);
            var rejected = File.Exists(rejectsPartial) ? PartialOutput.CountRecords(rejectsPartial, OutputFormat.Jsonl) : 0;
            stderr.WriteLine($"resuming after {scored:N0} scored and {rejected:N0} rejected records ({partial})");
            return Run(scored, rejected, cancellation);
        }

        /// <param name="scoredBefore">Records already in &lt;output&gt;.partial (0 for a fresh run).</param>
        /// <param name="rejectedBefore">Records already in &lt;rejects&gt;.partial.</param>
        public int Run(long scoredBefore, long rejectedBefore, CancellationToken cancellation)
        {
            var resuming = scoredBefore + rejectedBefore > 0;
            using var rejectsFile = new RejectsFile(rejectsPath);
            using var output = ToStdout ? null : PendingFile.Create(outPath);
            if (resuming)
            {
                using (var partial = File.OpenRead(PartialOutput.PathOf(outPath))) partial.CopyTo(output!.Stream);
                if (rejectedBefore > 0) rejectsFile.Write(File.ReadAllText(PartialOutput.PathOf(rejectsPath)));
            }
            var inputs = new ScoringInputs(files, options.Reader);
            using var progress = ProgressLine.ForStandardError(ToStdout, () => inputs.Fraction);
            using var stdoutStream = ToStdout ? Console.OpenStandardOutput() : null;
            ScoringSummary summary;
            try
            {
                // A shard reads its own slices of the inputs (no byte count for the progress line then).
                var records = options.Shard is { Count: > 1 } ? BatchScorer.Records(files, options) : inputs.Read();
                summary = BatchScorer.Score(ScoringInputs.SkipRecords(records, scoredBefore + rejectedBefore), bundle.Classifier,
                    options.TopicMixture ? bundle.Lda : null, output?.Stream ?? stdoutStream!, rejectsFile,
                    options with { Header = !resuming, TopicSets = bundle.Thresholds }, done => progress.Report(scoredBefore + rejectedBefore + done),
                    w => stderr.WriteLine($"warning: {w.File}:{w.Line}: {w.Message}"), cancellation);
            }
            catch (OperationCanceledException)
            {
                progress.Done();
                return Interrupted(output, rejectsFile);
            }
            progress.Done();

            var scored = scoredBefore + summary.Scored;
            var rejected = rejectedBefore + summary.Rejected;
            rejectsFile.Commit();
            if (scored == 0)
                throw new TopicModelException($"no papers in the inputs: all {rejected:N0} records were rejected (see {rejectsPath})");
            output?.Commit();
            foreach (var partial in new[] { PartialOutput.PathOf(outPath), PartialOutput.PathOf(rejectsPath) }.Where(File.Exists)) File.Delete(partial);

            stderr.WriteLine($"scored {scored:N0} papers in {summary.Elapsed.TotalSeconds:0.00} s ({summary.PapersPerSecond:N0}/s); rejected {rejected:N0}" +
                             (rejected > 0 ? $" (see {rejectsPath})" : "") + (ToStdout ? "" : $"; output: {outPath}"));
            return rejected > 0 ? ExitCodes.CompletedWithRejects : ExitCodes.Ok;
        }

        /// <summary>Ctrl+C / SIGTERM: keep the complete records written so far as .partial files and say how to go on.</summary>
        private int Interrupted(PendingFile? output, RejectsFile rejectsFile)
        {
            if (output is null)
            {
                stderr.WriteLine("interrupted: scoring to standard output stopped; the records written so far are complete and in input order");
                return ExitCodes.Interrupted;
            }
            if (options.Format == OutputFormat.Parquet)
            {
                stderr.WriteLine($"interrupted: nothing was written to {outPath} (a Parquet file is written whole; score to .jsonl or .csv to keep partial results)");
                return ExitCodes.Interrupted;
            }
            var partial = PartialOutput.PathOf(outPath);
            output.CommitAs(partial);
            var rejectsPartial = PartialOutput.PathOf(rejectsPath);
            if (rejectsFile.HasContent) rejectsFile.CommitAs(rejectsPartial);
            else if (File.Exists(rejectsPartial)) File.Delete(rejectsPartial);
            var scored = PartialOutput.CountRecords(partial, options.Format);
            var rejected = rejectsFile.HasContent ? PartialOutput.CountRecords(rejectsPartial, OutputFormat.Jsonl) : 0;
            stderr.WriteLine($"interrupted: kept {scored:N0} scored records (in input order) in {partial}" +
                             (rejected > 0 ? $" and {rejected:N0} rejected in {rejectsPartial}" : "") +
                             "; run the same command with --resume to continue");
            return ExitCodes.Interrupted;
        }
    }

    private static InputFormat ParseInputFormat(string? format) => (format?.ToLowerInvariant()) switch
    {
        null or "auto" => InputFormat.Auto,
        "digest" => InputFormat.Digest,
        "jsonl" => InputFormat.Jsonl,
        "csv" => InputFormat.Csv,
        _ => throw new TopicModelException($"--input-format: expected auto, digest, jsonl or csv, got '{format}'"),
    };
}
