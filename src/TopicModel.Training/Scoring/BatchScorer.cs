using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Papers;
using TopicModel.ML;
using TopicModel.ML.Lda;
using TopicModel.ML.Streaming;
using TopicModel.Training.Bundles;
using TopicModel.Training.Pipelines;

namespace TopicModel.Training.Scoring;

/// <summary>
/// Scores inputs in bulk: streams records from the readers, classifies them on all cores, and writes
/// results in input order. Memory stays constant whatever the input size. Every record ends up either
/// in the output or, with its file, line and reason, in the rejects stream. With a topic model, each record
/// also gets the paper's LDA topic mixture; fold-in is a function of the paper's words alone (CVB0 draws nothing, Gibbs
/// is seeded by the model seed and the words), so the output does not depend on threads, batches or input order.
/// With <see cref="ScoringOptions.Shard"/>, only that shard's part of the inputs is scored (<see cref="ShardPlan"/>).
/// </summary>
public static class BatchScorer
{
    private static readonly JsonTypeInfo<RejectLine> RejectJson = (JsonTypeInfo<RejectLine>)new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = RejectLineJson.Default,
    }.GetTypeInfo(typeof(RejectLine));

    /// <summary>Scores with a bundle's classifier and, when it has one and <see cref="ScoringOptions.TopicMixture"/> is on, its topic model.</summary>
    public static ScoringSummary Score(
        IReadOnlyList<string> inputs,
        ModelBundle bundle,
        Stream output,
        TextWriter rejects,
        ScoringOptions options,
        Action<long>? progress = null,
        Action<ReaderWarning>? warn = null,
        CancellationToken cancellation = default) =>
        Score(inputs, bundle.Classifier, options.TopicMixture ? bundle.Lda : null, output, rejects, options with { TopicSets = options.TopicSets ?? bundle.Thresholds },
            progress, warn, cancellation);

    public static ScoringSummary Score(
        IReadOnlyList<string> inputs,
        IPaperClassifier classifier,
        Stream output,
        TextWriter rejects,
        ScoringOptions options,
        Action<long>? progress = null,
        Action<ReaderWarning>? warn = null,
        CancellationToken cancellation = default) =>
        Score(inputs, classifier, null, output, rejects, options, progress, warn, cancellation);

    public static ScoringSummary Score(
        IReadOnlyList<string> inputs,
        IPaperClassifier classifier,
        LdaModel? topicModel,
        Stream output,
        TextWriter rejects,
        ScoringOptions options,
        Action<long>? progress = null,
        Action<ReaderWarning>? warn = null,
        CancellationToken cancellation = default) =>
        Score(Records(inputs, options), classifier, topicModel, output, rejects, options, progress, warn, cancellation);

    /// <summary>Scores records already being read (the caller opens the inputs, e.g. to count bytes or skip records done before).</summary>
    public static ScoringSummary Score(
        IEnumerable<ReadItem> items,
        IPaperClassifier classifier,
        LdaModel? topicModel,
        Stream output,
        TextWriter rejects,
        ScoringOptions options,
        Action<long>? progress = null,
        Action<ReaderWarning>? warn = null,
        CancellationToken cancellation = default)
    {
        if (options.Top < 1 || options.Top > classifier.Topics.Count)
            throw new TopicModelException($"top must be between 1 and {classifier.Topics.Count}, got {options.Top}");
        var clock = Stopwatch.StartNew();
        long scored = 0, rejected = 0, warnings = 0;
        // A CSV header belongs to the first shard only, so the shards' outputs concatenate to the whole job's.
        using var writer = new ScoredPaperWriter(output, options.Format, topicMixture: topicModel is not null,
            header: options.Header && (options.Shard?.Index ?? 0) == 0);
        // JSON Lines records arrive unparsed (ReaderOptions.DeferJsonlParsing) and are parsed on the workers, which also
        // encode JSON Lines output, so this thread only copies bytes; a file's "no papers" check runs once the records
        // after it come through in order.
        var encode = options.Format == OutputFormat.Jsonl;
        var withMixture = topicModel is not null;
        JsonlSource? source = null;
        foreach (var (item, result, line, from) in OrderedParallel.Map(items,
                     item => Work(item, classifier, options.Top, topicModel, options.TopicSets, encode, withMixture),
                     options.BatchSize, options.DegreeOfParallelism, cancellation))
        {
            if (from != source)
            {
                source?.ThrowIfNoPapers();
                source = from;
            }
            if (result is not null || line is not null)
            {
                if (line is not null) writer.WriteJsonLine(line);
                else writer.Write(result!);
                // Often enough for a time-throttled progress line even at a few papers per second.
                if (++scored % 64 == 0) progress?.Invoke(scored + rejected);
            }
            else if (item.Rejected is { } reject)
            {
                rejected++;
                rejects.WriteLine(JsonSerializer.Serialize(new RejectLine(reject.File, reject.Line, reject.Reason, reject.Raw), RejectJson));
            }
            else if (item.Warning is { } warning)
            {
                warnings++;
                warn?.Invoke(warning);
            }
        }
        source?.ThrowIfNoPapers();
        writer.Flush();
        rejects.Flush();
        progress?.Invoke(scored + rejected);
        return new ScoringSummary(scored, rejected, warnings, clock.Elapsed);
    }

    /// <summary>What a worker makes of one record: the record (parsed, when it came as a line), and its scored paper,
    /// as JSON Lines bytes when <paramref name="encode"/>; the file it came from when it came as a line.</summary>
    private static (ReadItem Item, ScoredPaper? Result, byte[]? Line, JsonlSource? Source) Work(ReadItem item, IPaperClassifier classifier, int top,
        LdaModel? topicModel, ML.MultiLabel.TopicThresholds? topicSets, bool encode, bool withMixture)
    {
        var source = item.Line?.Source;
        if (item.Line is { } line) item = line.Parse();
        var scored = Classify(item, classifier, top, topicModel, topicSets);
        // An encoded record needs nothing else: dropping the paper here lets its strings die young instead of waiting,
        // with their batch, for the writer (the GC then copied them).
        return encode && scored is not null
            ? (default, null, ScoredPaperWriter.JsonLine(scored, withMixture), source)
            : (item, scored, null, source);
    }

    /// <summary>Reader options for scoring: JSON Lines records are parsed on the scoring threads, not the reader's.</summary>
    public static ReaderOptions ForScoring(ReaderOptions? options) => (options ?? ReaderOptions.Default) with { DeferJsonlParsing = true };

    /// <summary>The records to score: every input's, or with a shard of more than one, the shard's part (<see cref="ShardPlan"/>).</summary>
    public static IEnumerable<ReadItem> Records(IReadOnlyList<string> inputs, ScoringOptions options)
    {
        options = options with { Reader = ForScoring(options.Reader) };
        if (options.Shard is not { Count: > 1 } shard) return inputs.SelectMany(path => PaperReader.Read(path, options.Reader));
        var sized = inputs.Select(path =>
        {
            if (path == PaperReader.StdinPath)
                throw new TopicModelException("--shard needs input files: standard input cannot be divided between shards");
            if (!File.Exists(path)) throw new TopicModelException("input file not found", path);
            // The length of what is read: through a symbolic link, its target's (FileInfo.Length would be the link's).
            using var file = File.OpenRead(path);
            return new ShardInput(path, file.Length, PaperReader.CanReadByLines(path, options.Reader));
        }).ToArray();
        return ShardPlan.Plan(sized, shard).SelectMany(slice => slice.Whole
            ? PaperReader.Read(slice.Path, options.Reader)
            : PaperReader.ReadLines(slice.Path, slice.Start, slice.End, options.Reader));
    }

    /// <summary>Scores one record; null when the record is not a paper (a reject or a warning).</summary>
    public static ScoredPaper? Classify(ReadItem item, IPaperClassifier classifier, int top, LdaModel? topicModel = null,
        ML.MultiLabel.TopicThresholds? topicSets = null) =>
        item.Paper is { } paper ? Classify(paper, classifier, top, topicModel, topicSets) : null;

    /// <param name="topicModel">When given, the paper's topic mixture is inferred from the same text LDA was trained on.</param>
    /// <param name="topicSets">Turns the probabilities into the record's topics; null: the primary topic alone.</param>
    public static ScoredPaper Classify(Paper paper, IPaperClassifier classifier, int top, LdaModel? topicModel = null,
        ML.MultiLabel.TopicThresholds? topicSets = null)
    {
        var topics = classifier.Topics;
        Span<float> probabilities = topics.Count <= 256 ? stackalloc float[topics.Count] : new float[topics.Count];
        float[]? mixture;
        if (classifier is TextClassifier { Lda: not null } withTopics && withTopics.Lda == topicModel)
        {
            mixture = withTopics.PredictWithTopicMixture(paper, probabilities);
        }
        else
        {
            mixture = topicModel is null ? null : TextClassifier.TopicMixture(topicModel, paper);
            classifier.Predict(paper, probabilities);
        }

        // Partial selection of the best `top` topics; ties keep taxonomy order so output is deterministic.
        var best = new TopicProbability[top];
        Span<int> chosen = stackalloc int[top];
        for (var k = 0; k < top; k++)
        {
            var arg = -1;
            for (var c = 0; c < probabilities.Length; c++)
            {
                if (chosen[..k].Contains(c)) continue;
                if (arg < 0 || probabilities[c] > probabilities[arg]) arg = c;
            }
            chosen[k] = arg;
            best[k] = new TopicProbability(topics[arg], probabilities[arg]);
        }
        var scored = new ScoredPaper(paper.SourceId ?? paper.Id, paper.Title, paper.Digest, best[0].Topic, best[0].Probability, best, mixture);
        return topicSets is null ? scored : scored with { Topics = topicSets.Select(probabilities).Select(t => topics[t]).ToArray() };
    }
}

/// <summary>One line of a rejects file. Serialized by generated code (<see cref="RejectLineJson"/>), which a native-AOT build needs.</summary>
internal sealed record RejectLine(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("raw")] string Raw);

[JsonSerializable(typeof(RejectLine))]
internal sealed partial class RejectLineJson : JsonSerializerContext;
