using System.Globalization;
using Spectre.Console;
using TopicModel.ML.AutoML;
using TopicModel.ML.Metrics;
using TopicModel.Training.AutoML;
using TopicModel.Training.Pipelines;

namespace TopicModel.Cli.Rendering;

/// <summary>What `train` prints: progress per trial, the leaderboard, the chosen pipeline's dev metrics beside the rules', and where things went.</summary>
public static class TrainReport
{
    public static void Progress(IAnsiConsole console, Trial trial, ExperimentResult sofar, double? budgetSeconds)
    {
        var left = budgetSeconds is { } b ? $", {Math.Max(0, b - sofar.Elapsed.TotalSeconds):0} s left" : "";
        var score = trial.Failed ? $"[red]failed: {Markup.Escape(trial.Error!)}[/]" : $"score {Terminal.Number(trial.Score)} (CV {Terminal.Number(trial.Metrics.TryGetValue("crossValidation", out var cv) ? cv : null)}, forward {Terminal.Number(trial.Metrics.TryGetValue("forwardMacroF1", out var fw) ? fw : null)}; macro-F1 {Terminal.Number(trial.Metrics.GetValueOrDefault("macroF1"))} ± {Terminal.Number(trial.StandardDeviation)})";
        console.MarkupLine($"[grey]trial {trial.Number} ({Markup.Escape(Pipeline(trial.Configuration))}): {score} in {trial.Elapsed.TotalSeconds:0.0} s; best {Terminal.Number(sofar.Best?.Score)} (trial {sofar.Best?.Number}){left}[/]");
    }

    /// <summary>The trainer, and the encoder with its weight when there is one: enough to tell which trial was slow or failed.</summary>
    private static string Pipeline(Configuration c) =>
        c.Has(PipelineSearchSpace.Encoder) && c.String(PipelineSearchSpace.Encoder) is var encoder && encoder != Embeddings.SentenceEncoderCatalog.None
            ? $"{c.String(PipelineSearchSpace.Trainer)}, {encoder} ×{c.Double("embeddingWeight").ToString("0.##", CultureInfo.InvariantCulture)}"
            : c.String(PipelineSearchSpace.Trainer);

    public static void Render(IAnsiConsole console, TrainingResult result, int top = 10)
    {
        var board = new Table().Title($"Leaderboard (top {Math.Min(top, result.Search.Trials.Count)} of {result.Search.Trials.Count} trials, {result.Search.Tuner} tuner)")
            .AddColumns("trial", "score", "CV", "forward", "macro-F1", "± std", "seconds", "pipeline");
        foreach (var t in result.Search.Leaderboard.Take(top))
        {
            board.AddRow(t.Number.ToString(CultureInfo.InvariantCulture), Terminal.Number(t.Failed ? null : t.Score),
                Terminal.Number(t.Metrics.TryGetValue("crossValidation", out var cv) ? cv : null),
                Terminal.Number(t.Metrics.TryGetValue("forwardMacroF1", out var fw) ? fw : null),
                Terminal.Number(t.Metrics.TryGetValue("macroF1", out var f1) ? f1 : null), Terminal.Number(t.StandardDeviation),
                t.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join("; ", PipelineSearchSpace.Relevant(t.Configuration).Select(kv => $"{kv.Key}={Format(kv.Value)}"))));
        }
        console.Write(board);

        var m = result.Dev;
        var r = result.RulesDev;
        var teacherRun = result.Teacher;
        var trainer = result.Bundle.Manifest["trainer"]?["name"]?.GetValue<string>() ?? "?";
        var table = teacherRun is null
            ? new Table().Title($"Dev metrics: best pipeline ({trainer}) vs the weak labeler").AddColumns("metric", "model", "rules")
            : new Table().Title($"Dev metrics: distilled student ({trainer}, the default scorer), its teacher (sentence vectors, score --accurate) and the weak labeler")
                .AddColumns("metric", "student", "teacher", "rules");
        void Row(string name, double? model, double? teacher, double? rules)
        {
            if (teacherRun is null) table.AddRow(name, Terminal.Number(model), Terminal.Number(rules));
            else table.AddRow(name, Terminal.Number(model), Terminal.Number(teacher), Terminal.Number(rules));
        }
        Row("MicroAccuracy", m.MicroAccuracy, teacherRun?.Dev.MicroAccuracy, r?.MicroAccuracy);
        Row("MacroAccuracy", m.MacroAccuracy, teacherRun?.Dev.MacroAccuracy, r?.MacroAccuracy);
        Row("macro-F1", m.MacroF1, teacherRun?.Dev.MacroF1, r?.MacroF1);
        Row("LogLoss", m.LogLoss, teacherRun?.Dev.LogLoss, r?.LogLoss);
        Row("LogLossReduction", m.LogLossReduction, teacherRun?.Dev.LogLossReduction, r?.LogLossReduction);
        Row("TopKAccuracy (k=3)", m.Top3Accuracy, teacherRun?.Dev.Top3Accuracy, r?.Top3Accuracy);
        if (result.Forward is { } f)
        {
            Row("forward macro-F1", f.MacroF1, teacherRun?.Forward?.MacroF1, null);
            Row("forward MicroAccuracy", f.MicroAccuracy, teacherRun?.Forward?.MicroAccuracy, null);
        }
        Row("CV score (mean over digests)", result.CrossValidationScore, teacherRun?.CrossValidationScore, null);
        console.Write(table);
        console.Write(PerTopic(m, r));
        console.WriteLine($"Validation: {result.ValidationRule}. The rules column scores the weak labels of the same papers.");
        console.WriteLine($"Search stopped after {result.Search.Trials.Count} trial{(result.Search.Trials.Count == 1 ? "" : "s")} in {result.Search.Elapsed.TotalSeconds:0.0} s: {result.Search.StopReason}.");
        console.WriteLine($"Chosen: trial {result.Search.Best?.Number}{Why(result.Search)}.");
        if (teacherRun is not null)
        {
            console.WriteLine($"Distillation: {teacherRun.Rule}; the student search ran {teacherRun.StudentSearch.Trials.Count} trials ({teacherRun.StudentSearch.StopReason}).");
            console.WriteLine($"Chosen student: trial {teacherRun.StudentSearch.Best?.Number}{Why(teacherRun.StudentSearch)}.");
        }
        var pool = result.PoolPapers > 0 ? $" and {result.PoolPapers} unlabeled pool papers" : "";
        console.WriteLine($"Trained on {result.TrainingPapers} labeled papers{pool} ({result.Bundle.Classifier.Model.FeatureCount} features) in {result.Elapsed.TotalSeconds:0.0} s.");
        console.WriteLine($"Model bundle: {result.BundlePath}");
        console.WriteLine($"Leaderboard: {string.Join(", ", result.LeaderboardPaths)}");
        console.WriteLine($"Dev predictions (out-of-fold, one line per training paper): {result.DevPredictionsPath}");
    }

    private static string Why(ExperimentResult search) => search.Selection is { } why ? $" ({why})" : " (the top score)";

    /// <summary>Where the model beats the rules and where it does not, topic by topic, on the same dev papers.</summary>
    private static Table PerTopic(MulticlassClassificationMetrics model, MulticlassClassificationMetrics? rules)
    {
        var table = new Table().Title("Dev F1 per topic: model vs rules").AddColumns("topic", "papers", "model F1", "rules F1", "model − rules");
        foreach (var c in model.PerClass.Where(c => !c.HasNoSupport))
        {
            var other = rules?.PerClass[c.ClassIndex].F1;
            var diff = c.F1 - other;
            var shown = diff is { } d ? (d < 0 ? $"[red]{Terminal.Number(d, "+0.000;-0.000")}[/]" : Terminal.Number(d, "+0.000;-0.000;0.000")) : "";
            table.AddRow(Markup.Escape(c.ClassName), c.Support.ToString(CultureInfo.InvariantCulture), Terminal.Number(c.F1), Terminal.Number(other), shown);
        }
        return table;
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
