using System.Text.Json;
using Plotly.NET;
using TopicModel.Evaluation.Charts;
using TopicModel.ML;

namespace TopicModel.Evaluation.Tests.Charts;

public sealed class ChartsTests
{
    private static JsonElement Json(GenericChart figure) => JsonDocument.Parse(ReportCharts.ToJson(figure)).RootElement;

    private static double[] Doubles(JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void Confusion_heatmap_of_the_held_out_labels_keeps_topic_order_counts_and_row_shares()
    {
        var names = SampleReport.TopicNames;
        var counts = SampleReport.SecondaryTopicConfusion(SampleReport.ReadLabels("heldout-001.jsonl"));
        var shares = SampleReport.RowNormalize(counts);

        var root = Json(ReportCharts.ConfusionHeatmap(names, shares, counts));

        var trace = root.GetProperty("data")[0];
        Assert.Equal(names, Strings(trace.GetProperty("x")));
        Assert.Equal(names, Strings(trace.GetProperty("y")));
        long total = 0;
        for (var i = 0; i < names.Length; i++)
        {
            var z = Doubles(trace.GetProperty("z")[i]);
            var text = Strings(trace.GetProperty("text")[i]);
            for (var j = 0; j < names.Length; j++)
            {
                Assert.Equal(counts[i, j], long.Parse(text[j], System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(shares[i, j], z[j]);
                total += counts[i, j];
            }
            if (z.All(double.IsFinite)) Assert.Equal(1.0, z.Sum(), 9);
        }
        Assert.Equal(112, total);
        var layout = root.GetProperty("layout");
        Assert.Equal("reversed", layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal(names, Strings(layout.GetProperty("xaxis").GetProperty("categoryarray")));
    }

    [Fact]
    public void Confusion_heatmap_from_counts_alone_normalizes_each_row()
    {
        var names = SampleReport.TopicNames;
        var counts = SampleReport.SecondaryTopicConfusion(SampleReport.ReadLabels("heldout-001.jsonl"));

        Assert.Equal(
            ReportCharts.ToJson(ReportCharts.ConfusionHeatmap(names, SampleReport.RowNormalize(counts), counts)),
            ReportCharts.ToJson(ReportCharts.ConfusionHeatmap(names, counts)));
    }

    [Fact]
    public void Confusion_heatmap_writes_a_class_without_examples_as_a_null_row()
    {
        long[,] counts = { { 2, 0 }, { 0, 0 } };

        var trace = Json(ReportCharts.ConfusionHeatmap(["a", "b"], SampleReport.RowNormalize(counts), counts)).GetProperty("data")[0];

        Assert.All(trace.GetProperty("z")[1].EnumerateArray(), cell => Assert.Equal(JsonValueKind.Null, cell.ValueKind));
    }

    [Fact]
    public void Confusion_heatmap_rejects_matrices_that_do_not_match_the_classes()
    {
        var error = Assert.Throws<TopicModelException>(() => ReportCharts.ConfusionHeatmap(["a", "b", "c"], new double[2, 2], new long[3, 3]));
        Assert.Contains("2x2", error.Message);
        Assert.Throws<TopicModelException>(() => ReportCharts.ConfusionHeatmap(["a", "a"], new double[2, 2], new long[2, 2]));
        Assert.Throws<TopicModelException>(() => ReportCharts.ConfusionHeatmap(["a"], new double[,] { { 1.5 } }, new long[,] { { 1 } }));
    }

    [Fact]
    public void Per_class_bars_turn_intervals_into_asymmetric_error_lengths()
    {
        var root = Json(ReportCharts.PerClassBars(["a", "b", "c"], [0.5, 0.9, double.NaN], [0.3, 0.85, double.NaN], [0.6, 1.0, double.NaN], "Recall"));

        var trace = root.GetProperty("data")[0];
        Assert.Equal("h", trace.GetProperty("orientation").GetString());
        var plus = Doubles(trace.GetProperty("error_x").GetProperty("array"));
        var minus = Doubles(trace.GetProperty("error_x").GetProperty("arrayminus"));
        Assert.Equal(0.1, plus[0], 12);
        Assert.Equal(0.2, minus[0], 12);
        Assert.Equal(0.1, plus[1], 12);
        Assert.Equal(0.05, minus[1], 12);
        Assert.True(double.IsNaN(plus[2]) && double.IsNaN(minus[2]));
        Assert.Equal([0.0, 1.0], Doubles(root.GetProperty("layout").GetProperty("xaxis").GetProperty("range")));
        Assert.Equal("Recall", root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Per_class_bars_label_a_zero_and_a_missing_value_differently_since_neither_draws_a_bar()
    {
        var root = Json(ReportCharts.PerClassBars(["a", "b", "c", "d"], [0.5, 0, double.NaN, 0.2], [0.3, 0, double.NaN, 0.1], [0.6, 0.2, double.NaN, 0.3],
            "F1", noValue: "no evaluation papers"));

        var labels = root.GetProperty("layout").GetProperty("annotations").EnumerateArray()
            .Select(a => (Class: a.GetProperty("y").GetString(), Text: a.GetProperty("text").GetString(), X: a.GetProperty("x").GetDouble())).ToArray();
        Assert.Equal([("b", "0", 0.0), ("c", "no evaluation papers", 0.0)], labels);

        // Every bar shows: no labels at all.
        var full = Json(ReportCharts.PerClassBars(["a"], [0.5], [0.3], [0.6], "F1"));
        Assert.False(full.GetProperty("layout").TryGetProperty("annotations", out _));
    }

    [Fact]
    public void Per_class_bars_fit_the_axis_to_values_that_are_not_shares()
    {
        var root = Json(ReportCharts.PerClassBars(["a"], [12], [10], [15], "Papers"));

        Assert.False(root.GetProperty("layout").GetProperty("xaxis").TryGetProperty("range", out _));
    }

    [Fact]
    public void Per_class_bars_reject_an_interval_that_misses_its_value()
    {
        var error = Assert.Throws<TopicModelException>(() => ReportCharts.PerClassBars(["a", "b"], [0.5, 0.5], [0.4, 0.6], [0.6, 0.7], "Recall"));
        Assert.Contains("interval 1", error.Message);
        Assert.Throws<TopicModelException>(() => ReportCharts.PerClassBars(["a", "b"], [0.5], [0.4], [0.6], "Recall"));
    }

    [Fact]
    public void Reliability_curve_drops_empty_bins_and_reports_the_count_weighted_calibration_error()
    {
        // |0.4 - 0.2| * 10 + |0.7 - 0.8| * 30 over 40 papers = 0.125
        var root = Json(ReportCharts.ReliabilityCurve([0.2, 0.5, 0.8], [0.4, 0.0, 0.7], [10, 0, 30]));

        Assert.Equal("Reliability diagram (ECE = 0.125)", root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        var data = root.GetProperty("data");
        Assert.Equal([0.0, 1.0], Doubles(data[0].GetProperty("x")));
        Assert.Equal([0.0, 1.0], Doubles(data[0].GetProperty("y")));
        Assert.Equal([0.2, 0.8], Doubles(data[1].GetProperty("x")));
        Assert.Equal([0.4, 0.7], Doubles(data[1].GetProperty("y")));
        Assert.Equal(["10", "30"], Strings(data[1].GetProperty("text")));
        var sizes = Doubles(data[1].GetProperty("marker").GetProperty("size"));
        Assert.True(sizes[0] < sizes[1], "the fuller bin must have the larger marker");
    }

    [Fact]
    public void Reliability_curve_rejects_bad_bins()
    {
        Assert.Throws<TopicModelException>(() => ReportCharts.ReliabilityCurve([0.5], [0.5], [0]));
        Assert.Throws<TopicModelException>(() => ReportCharts.ReliabilityCurve([1.5], [0.5], [3]));
        Assert.Throws<TopicModelException>(() => ReportCharts.ReliabilityCurve([0.5], [0.5], [-1]));
        Assert.Throws<TopicModelException>(() => ReportCharts.ReliabilityCurve([0.5, 0.6], [0.5], [1, 1]));
    }

    [Fact]
    public void Grouped_bars_make_one_named_trace_per_series_in_group_mode()
    {
        var train = SampleReport.TopicShares(SampleReport.ReadLabels("train-000.jsonl"));
        var heldOut = SampleReport.TopicShares(SampleReport.ReadLabels("heldout-001.jsonl"));
        var names = SampleReport.TopicNames;

        var root = Json(ReportCharts.GroupedBars(names, [("train", train), ("held-out", heldOut)], "Topic share", ".0%"));

        var data = root.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("train", data[0].GetProperty("name").GetString());
        Assert.Equal("held-out", data[1].GetProperty("name").GetString());
        Assert.Equal(names, Strings(data[1].GetProperty("x")));
        Assert.Equal(heldOut, Doubles(data[1].GetProperty("y")));
        Assert.Equal(1.0, Doubles(data[0].GetProperty("y")).Sum(), 9);
        Assert.NotEqual(data[0].GetProperty("marker").GetProperty("color").GetString(), data[1].GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal("group", root.GetProperty("layout").GetProperty("barmode").GetString());
        Assert.Equal(".0%", root.GetProperty("layout").GetProperty("yaxis").GetProperty("tickformat").GetString());
    }

    [Fact]
    public void Grouped_bars_name_the_series_whose_length_is_wrong()
    {
        var error = Assert.Throws<TopicModelException>(() => ReportCharts.GroupedBars(["a", "b"], [("ok", [1, 2]), ("short", [1])], "t"));

        Assert.Contains("'short'", error.Message);
        Assert.Throws<TopicModelException>(() => ReportCharts.GroupedBars(["a"], [], "t"));
    }

    [Fact]
    public void Topic_term_bars_show_the_heaviest_terms_first_with_ties_broken_by_term()
    {
        var root = Json(ReportCharts.TopicTermBars("t", ["gamma", "alpha", "beta", "delta"], [1, 3, 3, 0.5], top: 3));

        var trace = root.GetProperty("data")[0];
        Assert.Equal(["alpha", "beta", "gamma"], Strings(trace.GetProperty("y")));
        Assert.Equal([3.0, 3.0, 1.0], Doubles(trace.GetProperty("x")));
        Assert.Equal("reversed", root.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void Topic_term_bars_of_real_training_titles_lead_with_the_most_frequent_word()
    {
        var topic = SampleReport.Taxonomy.Topics[0];
        var (terms, weights) = SampleReport.TitleTerms(SampleReport.ReadLabels("train-000.jsonl"), topic.Id);

        var trace = Json(ReportCharts.TopicTermBars(topic.Name, terms, weights, top: 10)).GetProperty("data")[0];

        var shown = Doubles(trace.GetProperty("x"));
        Assert.Equal(Math.Min(10, terms.Length), shown.Length);
        Assert.Equal(weights.Max(), shown[0]);
        Assert.Equal(shown.OrderByDescending(w => w), shown);
    }

    [Fact]
    public void Topic_term_bars_reject_bad_input()
    {
        Assert.Throws<TopicModelException>(() => ReportCharts.TopicTermBars("t", ["a"], [1], top: 0));
        Assert.Throws<TopicModelException>(() => ReportCharts.TopicTermBars("t", ["a"], [double.NaN]));
        Assert.Throws<TopicModelException>(() => ReportCharts.TopicTermBars("t", [], []));
    }

    [Fact]
    public void Same_inputs_give_identical_json()
    {
        var counts = SampleReport.SecondaryTopicConfusion(SampleReport.ReadLabels("heldout-001.jsonl"));
        var names = SampleReport.TopicNames;

        Assert.Equal(
            ReportCharts.ToJson(ReportCharts.ConfusionHeatmap(names, SampleReport.RowNormalize(counts), counts)),
            ReportCharts.ToJson(ReportCharts.ConfusionHeatmap(names, SampleReport.RowNormalize(counts), counts)));
    }
}
