using Microsoft.Data.Analysis;
using TopicModel.DataFrames;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.Evaluation.Harness;
using TopicModel.ML.Metrics;
using TopicModel.TestSupport;
using TopicModel.Training.Recipes;
using TopicModel.Training.Scoring;

namespace TopicModel.Notebooks.Tests.DataFrames;

/// <summary>The DataFrames the notebooks use, on the shipped data, against the records they come from.</summary>
public class TopicModelDataFramesTests
{
    private static readonly Lazy<PreparedData> Data = new(() =>
    {
        var r = RecipeReader.Read(RepoPaths.Recipe);
        return DataPreparation.Run(new PrepInputs(r.TaxonomyPath, r.Data.Train, r.Data.HeldOut, r.Data.Unlabeled, r.Data.ReviewedLabels,
            new LabelingOptions(TitleWeight: r.Labeling.TitleWeight, FallbackTopic: r.Labeling.FallbackTopic), r.Labeling.LabelModel));
    });

    [Fact]
    public void Prepared_papers_have_one_row_per_occurrence_with_split_and_labels()
    {
        var papers = Data.Value.Papers;

        var frame = papers.ToDataFrame();

        Assert.Equal(papers.Count, frame.Rows.Count);
        Assert.Equal(papers.Count(p => p.Split == Split.HeldOut), frame.Filter(Equal(frame["Split"], "HeldOut")).Rows.Count);
        Assert.Equal(papers.Count(p => p.Reviewed is null), frame["Reviewed"].NullCount);
        var i = papers.ToList().FindIndex(p => p.Reviewed is not null && p.Weak is not null && p.Reviewed.Topic != p.Weak.Topic);
        Assert.Equal(papers[i].Reviewed!.Topic, frame["Reviewed"][i]);
        Assert.Equal(papers[i].Weak!.Topic, frame["Weak"][i]);
        Assert.Equal(papers[i].Paper.Date?.ToDateTime(TimeOnly.MinValue), frame["Date"][i]);
    }

    [Fact]
    public void Per_topic_metrics_and_the_confusion_matrix_agree_with_the_metrics_they_come_from()
    {
        // The rules' labels scored against people's labels: a real evaluation without training a model.
        var data = Data.Value;
        var both = data.Papers.Where(p => p.Weak is not null && p.Reviewed is not null).DistinctBy(p => p.Paper.Id).ToArray();
        var topics = data.Taxonomy.Ids.ToArray();
        var metrics = MulticlassEvaluator.Evaluate(MulticlassPredictions.Create(
            both.Select(p => Array.IndexOf(topics, p.Reviewed!.Topic)).ToArray(), both.Select(p => p.Weak!.Probabilities).ToArray(), topics));

        var perClass = metrics.PerClassDataFrame();
        var confusion = metrics.ConfusionMatrix.ToDataFrame();

        Assert.Equal(topics, perClass["Topic"].Cast<string>());
        Assert.Equal(metrics.PerClass.Select(c => c.F1), perClass["F1"].Cast<double?>());
        Assert.Equal(metrics.ExampleCount, perClass["Support"].Cast<int?>().Sum());
        Assert.Equal(topics.Length + 1, confusion.Columns.Count);
        for (var t = 0; t < topics.Length; t++)
        {
            var row = confusion.Rows[t];
            Assert.Equal(topics[t], row[0]);
            Assert.Equal(metrics.PerClass[t].Support, row.Skip(1).Cast<int>().Sum());
            Assert.Equal(metrics.PerClass[t].TruePositives, (int)confusion[topics[t]][t]!);
        }
    }

    [Fact]
    public void Scored_papers_keep_input_order_and_the_margin_to_the_runner_up()
    {
        var data = Data.Value;
        var rules = new WeakLabelClassifier(data);
        var papers = data.InSplit(Split.HeldOut).Select(p => p.Paper).ToArray();
        var scored = papers.Select(p => BatchScorer.Classify(p, rules, top: 3)).ToArray();

        var frame = scored.ToDataFrame();

        Assert.Equal(papers.Select(p => p.Title), frame["Title"].Cast<string>());
        Assert.Equal(scored.Select(s => s.Top[1].Topic), frame["Second"].Cast<string>());
        Assert.All(frame["Margin"].Cast<float?>(), m => Assert.InRange(m!.Value, 0f, 1f));
        Assert.Equal(scored[0].Probability - scored[0].Top[1].Probability, (float)frame["Margin"][0]!);
    }

    private static PrimitiveDataFrameColumn<bool> Equal(DataFrameColumn column, string value) =>
        new("match", column.Cast<string>().Select(v => v == value));
}
