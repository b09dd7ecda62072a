using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using TopicModel.ML;
using TopicModel.ML.Sparse;
using TopicModel.ML.Trainers;

namespace TopicModel.MLNet;

/// <summary>
/// A fitted ML.NET multiclass transformer (LightGbm, OneVersusAll over FastTree or LinearSvm, NaiveBayes) as our model:
/// probabilities are its <c>Score</c> column, normalized to sum to 1 (OneVersusAll's calibrated per-class scores do
/// not), or for NaiveBayes, whose scores are log-likelihoods, their softmax. Thread-safe:
/// each thread borrows its own <c>PredictionEngine</c> from a pool. <see cref="Explain"/> returns nothing (ML.NET's
/// tree models have no cheap per-example contributions). Saved as ML.NET's own model zip inside our model file.
/// </summary>
public sealed class MlNetModel : IMulticlassModel
{
    private const int FormatVersion = 1;

    private readonly MLContext _mlContext;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly string[] _classNames;
    private readonly ConcurrentBag<PredictionEngine<FeatureRows.Input, FeatureRows.Output>> _engines = [];

    internal MlNetModel(string trainerName, IReadOnlyList<string> classNames, int featureCount, MLContext mlContext, ITransformer transformer, DataViewSchema inputSchema)
    {
        TrainerName = trainerName;
        _classNames = [.. classNames];
        FeatureCount = featureCount;
        _mlContext = mlContext;
        _transformer = transformer;
        _inputSchema = inputSchema;
    }

    public string TrainerName { get; }
    public IReadOnlyList<string> ClassNames => _classNames;
    public int FeatureCount { get; }

    /// <summary>The ML.NET transformer, for use in an ML.NET pipeline (it reads a <c>Features</c> vector column).</summary>
    public ITransformer Transformer => _transformer;

    /// <summary>How <c>ModelSerializer.Load</c> reads each ML.NET model tag.</summary>
    public static IReadOnlyDictionary<string, Func<BinaryReader, IMulticlassModel>> Loaders { get; } =
        new Dictionary<string, Func<BinaryReader, IMulticlassModel>>
        {
            [MlNetTrainer.LightGbm] = r => Load(r, MlNetTrainer.LightGbm),
            [MlNetTrainer.OneVersusAllFastTree] = r => Load(r, MlNetTrainer.OneVersusAllFastTree),
            [MlNetTrainer.OneVersusAllLinearSvm] = r => Load(r, MlNetTrainer.OneVersusAllLinearSvm),
            [MlNetTrainer.NaiveBayes] = r => Load(r, MlNetTrainer.NaiveBayes),
        };

    public void PredictProbabilities(SparseVector features, Span<float> probabilities)
    {
        if (features.Dimension != FeatureCount)
            throw new TopicModelException($"{TrainerName}: got {features.Dimension} features, the model expects {FeatureCount}");
        if (!_engines.TryTake(out var engine))
            engine = _mlContext.Model.CreatePredictionEngine<FeatureRows.Input, FeatureRows.Output>(_transformer, inputSchemaDefinition: FeatureRows.InputSchema(FeatureCount));
        try
        {
            var score = engine.Predict(new FeatureRows.Input { Features = FeatureRows.ToVBuffer(features) }).Score;
            if (TrainerName == MlNetTrainer.NaiveBayes) Softmax(score, probabilities);
            else Normalize(score, probabilities);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private static void Normalize(float[] score, Span<float> probabilities)
    {
        var sum = 0f;
        foreach (var s in score) sum += s;
        for (var c = 0; c < probabilities.Length; c++)
            probabilities[c] = sum > 0 && float.IsFinite(sum) ? score[c] / sum : 1f / probabilities.Length;
    }

    /// <summary>Log-likelihoods to probabilities; a class without training examples scores −∞ and gets 0.</summary>
    private static void Softmax(float[] logLikelihoods, Span<float> probabilities)
    {
        var max = float.NegativeInfinity;
        foreach (var s in logLikelihoods) max = Math.Max(max, s);
        if (!float.IsFinite(max))
        {
            probabilities.Fill(1f / probabilities.Length);
            return;
        }
        var sum = 0d;
        for (var c = 0; c < probabilities.Length; c++) sum += probabilities[c] = MathF.Exp(logLikelihoods[c] - max);
        for (var c = 0; c < probabilities.Length; c++) probabilities[c] = (float)(probabilities[c] / sum);
    }

    public IReadOnlyList<FeatureContribution> Explain(SparseVector features, int classIndex, int top) => [];

    public void Save(BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        writer.Write(_classNames.Length);
        foreach (var name in _classNames) writer.Write(name);
        writer.Write(FeatureCount);
        using var zip = new MemoryStream();
        _mlContext.Model.Save(_transformer, _inputSchema, zip);
        var bytes = Reproducible(zip.ToArray());
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static MlNetModel Load(BinaryReader reader, string trainerName)
    {
        var version = reader.ReadInt32();
        if (version > FormatVersion)
            throw new TopicModelException($"{trainerName}: model format version {version}; this build reads up to {FormatVersion}");
        var classCount = reader.ReadInt32();
        if (classCount is < 2 or > 100_000) throw new TopicModelException($"{trainerName}: {classCount} classes in the model file");
        var names = new string[classCount];
        for (var c = 0; c < classCount; c++) names[c] = reader.ReadString();
        var featureCount = reader.ReadInt32();
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new TopicModelException($"{trainerName}: the ML.NET model is {length} bytes but the file is shorter");
        var mlContext = new MLContext(0);
        using var zip = new MemoryStream(reader.ReadBytes(length));
        var transformer = mlContext.Model.Load(zip, out var schema);
        return new MlNetModel(trainerName, names, featureCount, mlContext, transformer, schema);
    }

    /// <summary>
    /// ML.NET's model zip stamps each entry with the time of saving; the same entries with one fixed time, so a seed
    /// and the same data give byte-identical bundles.
    /// </summary>
    private static byte[] Reproducible(byte[] zip)
    {
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
