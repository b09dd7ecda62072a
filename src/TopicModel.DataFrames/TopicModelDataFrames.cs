using System.Globalization;
using Microsoft.Data.Analysis;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Preparation;
using TopicModel.ML.AutoML;
using TopicModel.ML.Metrics;
using TopicModel.Training.Scoring;

namespace TopicModel.DataFrames;

/// <summary>
/// TopicModel's results as <see cref="DataFrame"/>s, for exploring them in notebooks (the kernel shows a DataFrame as
/// an HTML table) and for ML.NET code (a DataFrame is an <c>IDataView</c>). One row per record, columns named as the
/// records' properties; a value that is undefined (a class with no support has no recall) is a null cell, never NaN.
/// </summary>
public static class TopicModelDataFrames
{
    /// <summary>Papers as read: Id (the paper id), SourceId (the input's own id, if any), Title, Abstract, Digest, Date.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Paper> papers)
    {
        var rows = papers.ToArray();
        return new DataFrame(
            Strings("Id", rows, p => p.Id),
            Strings("SourceId", rows, p => p.SourceId),
            Strings("Title", rows, p => p.Title),
            Strings("Abstract", rows, p => p.Abstract),
            Strings("Digest", rows, p => p.Digest),
            new DateTimeDataFrameColumn("Date", rows.Select(p => p.Date?.ToDateTime(TimeOnly.MinValue))));
    }

    /// <summary>
    /// Prepared papers (one row per occurrence: a paper in two digests has two rows): Id, Title, Digest, Date, Split,
    /// Label (the label it trains or is evaluated with), LabelSource, Weak (the rules' topic), Reviewed (a person's
    /// topic), FiredRules.
    /// </summary>
    public static DataFrame ToDataFrame(this IEnumerable<PreparedPaper> papers)
    {
        var rows = papers.ToArray();
        return new DataFrame(
            Strings("Id", rows, p => p.Paper.Id),
            Strings("Title", rows, p => p.Paper.Title),
            Strings("Digest", rows, p => p.Paper.Digest),
            new DateTimeDataFrameColumn("Date", rows.Select(p => p.Paper.Date?.ToDateTime(TimeOnly.MinValue))),
            Strings("Split", rows, p => p.Split.ToString()),
            Strings("Label", rows, p => p.Label.Topic),
            Strings("LabelSource", rows, p => p.Label.Source.ToString()),
            Strings("Weak", rows, p => p.Weak?.Topic),
            Strings("Reviewed", rows, p => p.Reviewed?.Topic),
            Strings("FiredRules", rows, p => p.Weak is null ? null : string.Join(", ", p.Weak.FiredFunctions)));
    }

    /// <summary>
    /// Scored papers in input order: Id, Title, Digest, Topic, Probability, Second (the runner-up topic),
    /// SecondProbability, Margin (Probability − SecondProbability: small means unsure between two topics).
    /// </summary>
    public static DataFrame ToDataFrame(this IEnumerable<ScoredPaper> papers)
    {
        var rows = papers.ToArray();
        return new DataFrame(
            Strings("Id", rows, p => p.Id),
            Strings("Title", rows, p => p.Title),
            Strings("Digest", rows, p => p.Digest),
            Strings("Topic", rows, p => p.Topic),
            new SingleDataFrameColumn("Probability", rows.Select(p => p.Probability)),
            Strings("Second", rows, p => p.Top.Count > 1 ? p.Top[1].Topic : null),
            new SingleDataFrameColumn("SecondProbability", rows.Select(p => p.Top.Count > 1 ? p.Top[1].Probability : (float?)null)),
            new SingleDataFrameColumn("Margin", rows.Select(p => p.Top.Count > 1 ? p.Probability - p.Top[1].Probability : (float?)null)));
    }

    /// <summary>
    /// A leaderboard (the trials in the order given, best first for <c>ExperimentResult.Leaderboard</c>): Rank, Trial,
    /// Trainer, Score, FoldStd, MacroF1, Seconds, Pipeline (the configuration's key), Error.
    /// </summary>
    public static DataFrame ToDataFrame(this IEnumerable<Trial> leaderboard)
    {
        var rows = leaderboard.ToArray();
        return new DataFrame(
            new Int32DataFrameColumn("Rank", Enumerable.Range(1, rows.Length)),
            new Int32DataFrameColumn("Trial", rows.Select(t => t.Number)),
            Strings("Trainer", rows, t => t.Configuration.Values.TryGetValue("trainer", out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null),
            new DoubleDataFrameColumn("Score", rows.Select(t => t.Failed ? (double?)null : t.Score)),
            new DoubleDataFrameColumn("FoldStd", rows.Select(t => t.Failed ? (double?)null : t.StandardDeviation)),
            new DoubleDataFrameColumn("MacroF1", rows.Select(t => t.Metrics.TryGetValue("macroF1", out var f1) ? f1 : (double?)null)),
            new DoubleDataFrameColumn("Seconds", rows.Select(t => t.Elapsed.TotalSeconds)),
            Strings("Pipeline", rows, t => t.Configuration.Key),
            Strings("Error", rows, t => t.Error));
    }

    /// <summary>Per-topic metrics (ML.NET's PerClassPrecision / PerClassRecall and more): Topic, Support, Predicted, Precision, Recall, F1, LogLoss.</summary>
    public static DataFrame PerClassDataFrame(this MulticlassClassificationMetrics metrics)
    {
        var rows = metrics.PerClass;
        return new DataFrame(
            Strings("Topic", rows, c => c.ClassName),
            new Int32DataFrameColumn("Support", rows.Select(c => c.Support)),
            new Int32DataFrameColumn("Predicted", rows.Select(c => c.PredictedCount)),
            new DoubleDataFrameColumn("Precision", rows.Select(c => (double?)c.Precision)),
            new DoubleDataFrameColumn("Recall", rows.Select(c => c.Recall)),
            new DoubleDataFrameColumn("F1", rows.Select(c => c.F1)),
            new DoubleDataFrameColumn("LogLoss", rows.Select(c => c.LogLoss)));
    }

    /// <summary>The confusion matrix: a column Actual (the true topic) and one count column per predicted topic.</summary>
    public static DataFrame ToDataFrame(this ConfusionMatrix matrix)
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("Actual", matrix.ClassNames) };
        for (var p = 0; p < matrix.ClassCount; p++)
        {
            var predicted = p;
            columns.Add(new Int32DataFrameColumn(matrix.ClassNames[p], matrix.Counts.Select(row => row[predicted])));
        }
        return new DataFrame(columns);
    }

    private static StringDataFrameColumn Strings<T>(string name, IReadOnlyCollection<T> rows, Func<T, string?> value) =>
        new(name, rows.Select(value));
}
