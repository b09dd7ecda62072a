using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.ML;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.Training.Pipelines;
using TopicModel.Training.Recipes;

namespace TopicModel.DataFrames;

/// <summary>What <see cref="RowTraining.Train"/> did: the training run (bundle, search, metrics) and the rows that were not papers.</summary>
public sealed record RowTrainingResult(TrainingResult Training, IReadOnlyList<RejectedRecord> Rejects);

/// <summary>
/// <c>topicmodel train</c> on the rows of an IDataView (a DataFrame is one): the recipe's search, labeling, seed and
/// output, with the rows' papers (<see cref="PaperRows"/>) in place of the recipe's <c>data.train</c> and, when given,
/// <c>data.heldOut</c> files. A row's <c>topic</c> is a reviewed label, beside the recipe's reviewed-label files; the
/// recipe's unlabeled pool stays. The rows are written as the digest files and labels file the recipe would name, in a
/// temporary folder deleted afterwards, and trained on by the same entry points, so the same papers give the same
/// bundle as from files.
/// </summary>
public static class RowTraining
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static RowTrainingResult Train(Recipe recipe, IDataView train, IDataView? heldOut = null, Action<string>? log = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(train);
        var taxonomy = TaxonomyReader.Read(recipe.TaxonomyPath);
        var trainRows = Checked(PaperRows.Read(train, "training rows"), "training rows", taxonomy);
        var heldOutRows = heldOut is null ? null : Checked(PaperRows.Read(heldOut, "held-out rows", "held-out"), "held-out rows", taxonomy);
        if (trainRows.Papers.Count == 0)
            throw new TopicModelException($"no papers among the training rows; the first problem: {trainRows.Rejects.FirstOrDefault()?.Reason ?? "there are no rows"}", "training rows");

        var folder = Directory.CreateTempSubdirectory("topicmodel-rows-").FullName;
        try
        {
            var trainFiles = WriteDigests(trainRows.Papers, Path.Combine(folder, "train"));
            var heldOutFiles = heldOutRows is null ? recipe.Data.HeldOut : WriteDigests(heldOutRows.Papers, Path.Combine(folder, "held-out"));
            var labels = Path.Combine(folder, "reviewed-labels.jsonl");
            WriteLabels([.. trainRows.Papers, .. heldOutRows?.Papers ?? []], RecipeLabels(recipe, taxonomy), labels);
            var fromRows = recipe with
            {
                Data = recipe.Data with { Train = trainFiles, HeldOut = heldOutFiles, ReviewedLabels = [.. recipe.Data.ReviewedLabels, labels] },
            };
            var inputs = new PrepInputs(fromRows.TaxonomyPath, fromRows.Data.Train, fromRows.Data.HeldOut, fromRows.Data.Unlabeled,
                fromRows.Data.ReviewedLabels, new LabelingOptions(TitleWeight: recipe.Labeling.TitleWeight, FallbackTopic: recipe.Labeling.FallbackTopic),
                recipe.Labeling.LabelModel, ReaderOptions.Default with { DigestYear = recipe.Data.DigestYear });
            var data = DataPreparation.Run(inputs, cancellation);
            var result = TrainingRun.Run(fromRows, data, log, cancellation: cancellation);
            return new RowTrainingResult(result, [.. trainRows.Rejects, .. heldOutRows?.Rejects ?? []]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every topic is the taxonomy's, and a paper given twice has one topic, checked before anything is written.</summary>
    private static PaperRowSet Checked(PaperRowSet rows, string source, Taxonomy taxonomy)
    {
        var known = taxonomy.Ids.ToHashSet(StringComparer.Ordinal);
        var first = new Dictionary<string, PaperRow>(StringComparer.Ordinal);
        foreach (var row in rows.Papers.Where(r => r.Topic is not null))
        {
            if (!known.Contains(row.Topic!))
                throw new TopicModelException($"topic '{row.Topic}' is not in the taxonomy ({string.Join(", ", taxonomy.Ids)})", source, row.Paper.Line);
            if (first.TryGetValue(row.Paper.Id, out var earlier) && earlier.Topic != row.Topic)
                throw new TopicModelException($"paper \"{row.Paper.Title}\" has topic '{earlier.Topic}' at row {earlier.Paper.Line} and '{row.Topic}' here", source, row.Paper.Line);
            first.TryAdd(row.Paper.Id, row);
        }
        return rows;
    }

    /// <summary>One JSON Lines file per digest, named after it (the reader takes a paper's digest from its file's name).</summary>
    private static IReadOnlyList<string> WriteDigests(IReadOnlyList<PaperRow> rows, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var digest in rows.GroupBy(r => r.Paper.Digest, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (digest.Key.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || digest.Key is "." or "..")
                throw new TopicModelException($"digest '{digest.Key}' cannot name a digest file; use letters, digits, '-' or '_'", "rows", digest.First().Paper.Line);
            var path = Path.Combine(folder, digest.Key + ".jsonl");
            File.WriteAllLines(path, digest.Select(r => JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                [PaperRows.Title] = r.Paper.Title,
                [PaperRows.Abstract] = r.Paper.Abstract,
                [PaperRows.Id] = r.Paper.SourceId,
                [PaperRows.Date] = r.Paper.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }, Json)));
            files.Add(path);
        }
        return files;
    }

    /// <summary>The recipe's own reviewed labels (files, or folders of *.jsonl files, as data preparation reads them).</summary>
    private static IReadOnlyList<ReviewedLabel> RecipeLabels(Recipe recipe, Taxonomy taxonomy) => ReviewedLabelReader.ReadFiles(
        recipe.Data.ReviewedLabels.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal)
            : File.Exists(path) || Path.HasExtension(path) ? [path] : []), taxonomy);

    /// <summary>
    /// The rows' topics as a reviewed-labels file: one label per paper and digest, leaving out those the recipe's files
    /// already give (a paper may be reviewed once per digest); a row that contradicts them is an error.
    /// </summary>
    private static void WriteLabels(IEnumerable<PaperRow> rows, IReadOnlyList<ReviewedLabel> recipeLabels, string path)
    {
        var labeled = rows.Where(r => r.Topic is not null).DistinctBy(r => (r.Paper.Id, r.Paper.Digest)).ToArray();
        var known = recipeLabels.ToLookup(l => l.Id, StringComparer.Ordinal);
        foreach (var row in labeled)
        {
            if (known[row.Paper.Id].FirstOrDefault(l => l.Topic != row.Topic) is { } other)
                throw new TopicModelException($"paper \"{row.Paper.Title}\" has topic '{row.Topic}' here but '{other.Topic}' in the recipe's reviewed labels", "rows", row.Paper.Line);
        }
        File.WriteAllLines(path, labeled.Where(r => !known[r.Paper.Id].Any(l => l.Digest is null || l.Digest == r.Paper.Digest)).Select(r =>
            JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = r.Paper.Id,
                ["title"] = r.Paper.Title,
                ["topic"] = r.Topic!,
                ["digest"] = r.Paper.Digest,
            }, Json)));
    }
}
