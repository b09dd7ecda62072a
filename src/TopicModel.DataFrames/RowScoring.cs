using Microsoft.ML;
using TopicModel.DataPrep.Ingestion;
using TopicModel.Training.Bundles;
using TopicModel.Training.Scoring;

namespace TopicModel.DataFrames;

/// <summary>Scored rows in row order, and the rows that were not papers (numbered from 1), as <c>topicmodel score</c> writes them to its rejects file.</summary>
public sealed record RowScoringResult(IReadOnlyList<ScoredPaper> Scored, IReadOnlyList<RejectedRecord> Rejects);

/// <summary>
/// <c>topicmodel score</c> on the rows of an IDataView (a DataFrame is one, see <see cref="PaperRows"/> for its columns):
/// the same per-paper scoring as <see cref="BatchScorer"/> (top topics, the bundle's topic sets and, when it has one and
/// <see cref="ScoringOptions.TopicMixture"/> is on, the topic mixture). <c>ToDataFrame()</c> turns the result into a DataFrame.
/// </summary>
public static class RowScoring
{
    public static RowScoringResult Score(this ModelBundle bundle, IDataView rows, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        options ??= new ScoringOptions();
        if (options.Top < 1 || options.Top > bundle.Classifier.Topics.Count)
            throw new ML.TopicModelException($"top must be between 1 and {bundle.Classifier.Topics.Count}, got {options.Top}");
        var papers = PaperRows.Read(rows);
        var topicModel = options.TopicMixture ? bundle.Lda : null;
        var topicSets = options.TopicSets ?? bundle.Thresholds;
        var scored = papers.Papers
            .AsParallel().AsOrdered().WithDegreeOfParallelism(options.DegreeOfParallelism > 0 ? options.DegreeOfParallelism : Environment.ProcessorCount)
            .Select(p => BatchScorer.Classify(p.Paper, bundle.Classifier, options.Top, topicModel, topicSets))
            .ToArray();
        return new RowScoringResult(scored, papers.Rejects);
    }
}
