using System.Globalization;
using System.Text.Json.Nodes;
using TopicModel.ML.AutoML;
using TopicModel.ML.IO;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.AutoML;

/// <summary>
/// The search's record: every trial with its configuration, its score (the objective), pooled and
/// per-digest macro-F1, fold macro-F1 with their std, other metrics and time,
/// written as CSV and JSON beside the bundle, and summarized (without timings, so a reproducible run
/// gives a byte-identical bundle) in the manifest.
/// </summary>
public static class Leaderboard
{
    public const int FormatVersion = 1;

    /// <summary>Writes &lt;basePath&gt;.leaderboard.csv and .json atomically; returns their paths.</summary>
    public static IReadOnlyList<string> Write(ExperimentResult search, string basePath)
    {
        var csv = basePath + ".leaderboard.csv";
        var json = basePath + ".leaderboard.json";
        var rows = search.Leaderboard;
        var names = rows.SelectMany(t => t.Configuration.Values.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var perDigest = rows.SelectMany(t => t.Metrics.Keys).Where(k => k.StartsWith("macroF1:", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToArray();
        AtomicFile.WriteText(csv, w =>
        {
            w.WriteLine(string.Join(",", new[] { "rank", "trial", "score", "std", "macroF1" }.Concat(perDigest).Concat(["crossValidation", "forwardMacroF1", "microAccuracy", "macroAccuracy", "logLoss", "seconds", "error"]).Concat(names)));
            var rank = 0;
            foreach (var t in rows)
            {
                var cells = new[]
                {
                    (++rank).ToString(CultureInfo.InvariantCulture), t.Number.ToString(CultureInfo.InvariantCulture),
                    Number(t.Failed ? null : t.Score), Number(t.Failed ? null : t.StandardDeviation),
                    Number(t.Metrics.GetValueOrDefault("macroF1", double.NaN)),
                }.Concat(perDigest.Select(k => Number(t.Metrics.GetValueOrDefault(k, double.NaN)))).Concat(new[]
                {
                    Number(t.Metrics.GetValueOrDefault("crossValidation", double.NaN)), Number(t.Metrics.GetValueOrDefault("forwardMacroF1", double.NaN)),
                    Number(t.Metrics.GetValueOrDefault("microAccuracy", double.NaN)), Number(t.Metrics.GetValueOrDefault("macroAccuracy", double.NaN)),
                    Number(t.Metrics.GetValueOrDefault("logLoss", double.NaN)), t.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
                    CsvText.Quote(t.Error ?? ""),
                }).Concat(names.Select(n => CsvText.Quote(t.Configuration.Values.TryGetValue(n, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)! : "")));
                w.WriteLine(string.Join(",", cells));
            }
        });
        var document = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["tuner"] = search.Tuner,
            ["stopReason"] = search.StopReason,
            ["seconds"] = Math.Round(search.Elapsed.TotalSeconds, 3),
            ["bestTrial"] = search.Best?.Number,
            ["selection"] = search.Selection,
            ["trials"] = new JsonArray(search.Trials.Select(t => (JsonNode)TrialJson(t, withTime: true)).ToArray()),
        };
        AtomicFile.WriteAllText(json, document.ToJsonString(Json.Options));
        return [csv, json];
    }

    /// <summary>What the manifest records of the search: settings, best trial and every trial's scores, no timings.</summary>
    public static JsonObject Summary(ExperimentResult search, SearchSpace space, AutoMLSection automl) => new()
    {
        ["tuner"] = search.Tuner,
        ["timeBudgetSeconds"] = automl.TimeBudgetSeconds,
        ["maxTrials"] = automl.MaxTrials,
        ["folds"] = automl.Folds,
        ["searchSpace"] = new JsonArray(space.Dimensions.Select(d => (JsonNode)JsonValue.Create(d.ToString())!).ToArray()),
        ["trials"] = search.Trials.Count,
        ["selection"] = automl.Selection,
        ["selectionReason"] = search.Selection,
        ["bestTrial"] = search.Best is null ? null : TrialJson(search.Best, withTime: false),
        ["leaderboard"] = new JsonArray(search.Leaderboard.Select(t => (JsonNode)new JsonObject
        {
            ["trial"] = t.Number,
            ["score"] = t.Failed ? null : Math.Round(t.Score, 6),
            ["std"] = Math.Round(t.StandardDeviation, 6),
            ["crossValidation"] = t.Metrics.TryGetValue("crossValidation", out var cv) ? Math.Round(cv, 6) : null,
            ["forwardMacroF1"] = t.Metrics.TryGetValue("forwardMacroF1", out var fw) ? Math.Round(fw, 6) : null,
        }).ToArray()),
    };

    private static JsonObject TrialJson(Trial t, bool withTime)
    {
        var o = new JsonObject
        {
            ["trial"] = t.Number,
            ["score"] = t.Failed ? null : t.Score,
            ["std"] = t.StandardDeviation,
            ["foldMacroF1"] = new JsonArray(t.FoldScores.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            ["metrics"] = new JsonObject(t.Metrics.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
            ["configuration"] = new JsonObject(PipelineSearchSpace.Relevant(t.Configuration).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)(kv.Value switch
            {
                double d => JsonValue.Create(d),
                int i => JsonValue.Create(i),
                _ => JsonValue.Create((string)kv.Value),
            })))),
            ["error"] = t.Error,
        };
        if (withTime) o["seconds"] = Math.Round(t.Elapsed.TotalSeconds, 3);
        return o;
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";
}
