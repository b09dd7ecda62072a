using System.Text.Json.Nodes;
using TopicModel.Evaluation.Harness;
using TopicModel.ML.Metrics;

namespace TopicModel.Evaluation.Reports;

/// <summary>
/// The metrics.json document: a stable schema (docs/metrics-schema.md) with a formatVersion. Numbers are
/// rounded to 6 decimals so reruns give the same bytes; undefined values are null.
/// </summary>
public static class MetricsJson
{
    public const int FormatVersion = 1;
    public const string Kind = "topicmodel-evaluation";

    public static JsonObject Build(EvaluationResult r, ModelComparison? comparison = null, IReadOnlyList<string>? dataFiles = null)
    {
        var m = r.Metrics;
        var ci = r.Intervals;
        var topics = r.Taxonomy.Ids;
        return new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["kind"] = Kind,
            ["model"] = r.ModelName,
            ["data"] = new JsonObject
            {
                ["files"] = Strings(dataFiles ?? []),
                ["papers"] = r.PaperCount,
                ["reviewedLabels"] = r.Labels.Reviewed,
                ["weakLabels"] = r.Labels.Weak,
                ["labels"] = r.Labels.Describe(),
            },
            ["bootstrap"] = new JsonObject { ["resamples"] = ci.Resamples, ["confidenceLevel"] = ci.ConfidenceLevel, ["seed"] = ci.Seed },
            ["metrics"] = new JsonObject
            {
                ["microAccuracy"] = Interval(ci.MicroAccuracy),
                ["macroAccuracy"] = Interval(ci.MacroAccuracy),
                ["logLoss"] = Interval(ci.LogLoss),
                ["logLossReduction"] = Interval(ci.LogLossReduction),
                ["top2Accuracy"] = Interval(ci.Top2Accuracy),
                ["top3Accuracy"] = ci.Top3Accuracy is { } top3 ? Interval(top3) : null,
                ["macroF1"] = Interval(ci.MacroF1),
                ["weightedF1"] = Interval(ci.WeightedF1),
                ["secondaryHitRate"] = ci.SecondaryHitRate is { } hit ? Interval(hit) : null,
                ["expectedCalibrationError"] = Interval(ci.ExpectedCalibrationError),
                ["maximumCalibrationError"] = Interval(ci.MaximumCalibrationError),
                ["brierScore"] = Interval(ci.BrierScore),
                ["perClassPrecision"] = Numbers(m.PerClassPrecision.Select(v => (double?)v)),
                ["perClassRecall"] = Numbers(m.PerClassRecall),
            },
            ["multiLabel"] = r.MultiLabel is not { } ml ? null : new JsonObject
            {
                ["papers"] = ml.Papers,
                ["thresholdsTuned"] = ml.Tuned,
                ["meanPredictedTopics"] = Round(ml.Metrics.MeanPredictedTopics),
                ["examplePrecision"] = Interval(ml.Metrics.Precision),
                ["exampleRecall"] = Interval(ml.Metrics.Recall),
                ["exampleF1"] = Interval(ml.Metrics.F1),
                ["hitRate"] = Interval(ml.Metrics.HitRate),
            },
            ["perTopic"] = new JsonArray(m.PerClass.Select(c => (JsonNode)new JsonObject
            {
                ["topic"] = c.ClassName,
                ["name"] = r.Taxonomy.Topics[c.ClassIndex].Name,
                ["support"] = c.Support,
                ["predicted"] = c.PredictedCount,
                ["truePositives"] = c.TruePositives,
                ["precision"] = Interval(ci.PerClass[c.ClassIndex].Precision),
                ["recall"] = Interval(ci.PerClass[c.ClassIndex].Recall),
                ["f1"] = Interval(ci.PerClass[c.ClassIndex].F1),
                ["logLoss"] = Interval(ci.PerClass[c.ClassIndex].LogLoss),
            }).ToArray()),
            ["confusionMatrix"] = new JsonObject
            {
                ["topics"] = Strings(topics),
                ["counts"] = new JsonArray(m.ConfusionMatrix.Counts.Select(row => (JsonNode)new JsonArray(row.Select(v => (JsonNode)v).ToArray())).ToArray()),
                ["rowNormalized"] = new JsonArray(m.ConfusionMatrix.RowNormalized.Select(row => row is null ? null : (JsonNode)Numbers(row.Select(v => (double?)v))).ToArray()),
            },
            ["calibration"] = new JsonObject
            {
                ["expectedCalibrationError"] = Round(m.Calibration.ExpectedCalibrationError),
                ["maximumCalibrationError"] = Round(m.Calibration.MaximumCalibrationError),
                ["brierScore"] = Round(m.Calibration.BrierScore),
                ["bins"] = new JsonArray(m.Calibration.Bins.Select(b => (JsonNode)new JsonObject
                {
                    ["lower"] = Round(b.LowerBound),
                    ["upper"] = Round(b.UpperBound),
                    ["count"] = b.Count,
                    ["meanConfidence"] = Round(b.MeanConfidence),
                    ["accuracy"] = Round(b.Accuracy),
                }).ToArray()),
            },
            ["labelDistribution"] = new JsonObject
            {
                ["topics"] = Strings(topics),
                ["training"] = new JsonArray(r.TrainingLabelCounts.Select(v => (JsonNode)v).ToArray()),
                ["evaluation"] = new JsonArray(r.EvaluationLabelCounts.Select(v => (JsonNode)v).ToArray()),
            },
            ["leakage"] = new JsonObject
            {
                ["count"] = r.Leakage.Count,
                ["sameTitle"] = r.Leakage.SameTitle,
                ["nearDuplicates"] = r.Leakage.NearDuplicates,
                ["excluded"] = r.Leakage.Excluded,
                ["shingleSize"] = r.Leakage.Options.ShingleSize,
                ["jaccardThreshold"] = r.Leakage.Options.JaccardThreshold,
                ["papers"] = new JsonArray(r.Leakage.Papers.Select(l => (JsonNode)new JsonObject
                {
                    ["id"] = l.Paper.Id,
                    ["title"] = l.Paper.Title,
                    ["digest"] = l.Paper.Digest,
                    ["kind"] = l.Kind == Leakage.LeakageKind.SameTitle ? "sameTitle" : "nearDuplicate",
                    ["trainingId"] = l.TrainingId,
                    ["trainingTitle"] = l.TrainingTitle,
                    ["jaccard"] = Round(l.Jaccard),
                }).ToArray()),
            },
            ["errors"] = new JsonArray(r.Misclassified.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["title"] = e.Title,
                ["digest"] = e.Digest,
                ["trueTopic"] = e.TrueTopic,
                ["predictedTopic"] = e.PredictedTopic,
                ["probability"] = Round(e.Probability),
                ["trueTopicProbability"] = Round(e.TrueTopicProbability),
                ["labelSource"] = e.LabelSource.ToString().ToLowerInvariant(),
                ["terms"] = new JsonArray(e.Terms.Select(t => (JsonNode)new JsonObject { ["term"] = t.Term, ["contribution"] = Round(t.Contribution) }).ToArray()),
            }).ToArray()),
            ["comparison"] = comparison is null ? null : Comparison(comparison),
        };
    }

    private static JsonObject Comparison(ModelComparison c) => new()
    {
        ["baseline"] = c.BaselineName,
        ["candidate"] = c.CandidateName,
        ["papers"] = c.Result.ExampleCount,
        ["resamples"] = c.Result.Resamples,
        ["confidenceLevel"] = c.Result.ConfidenceLevel,
        ["seed"] = c.Result.Seed,
        ["microAccuracy"] = Difference(c.Result.MicroAccuracy),
        ["macroF1"] = Difference(c.Result.MacroF1),
        ["mcNemar"] = new JsonObject
        {
            ["bothCorrect"] = c.Result.McNemar.BothCorrect,
            ["onlyBaselineCorrect"] = c.Result.McNemar.OnlyBaselineCorrect,
            ["onlyCandidateCorrect"] = c.Result.McNemar.OnlyCandidateCorrect,
            ["bothWrong"] = c.Result.McNemar.BothWrong,
            ["exactPValue"] = Round(c.Result.McNemar.ExactPValue),
            ["chiSquare"] = Round(c.Result.McNemar.ChiSquare),
            ["chiSquarePValue"] = Round(c.Result.McNemar.ChiSquarePValue),
        },
        ["verdict"] = c.Verdict,
    };

    private static JsonObject Difference(MetricDifference d) => new()
    {
        ["baseline"] = Round(d.Baseline),
        ["candidate"] = Round(d.Candidate),
        ["difference"] = Round(d.Difference),
        ["lower"] = Round(d.Lower),
        ["upper"] = Round(d.Upper),
        ["pValue"] = Round(d.PValue),
    };

    private static JsonObject Interval(ConfidenceInterval ci) => new()
    {
        ["value"] = Round(ci.Estimate),
        ["lower"] = Round(ci.Lower),
        ["upper"] = Round(ci.Upper),
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static JsonArray Numbers(IEnumerable<double?> values) => new(values.Select(v => (JsonNode?)Round(v)).ToArray());

    private static JsonNode? Round(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6) + 0.0) : null;
}
