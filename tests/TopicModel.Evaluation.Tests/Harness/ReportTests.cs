using System.Text.Json;
using TopicModel.Evaluation.Harness;
using TopicModel.Evaluation.Html;
using TopicModel.Evaluation.Reports;

namespace TopicModel.Evaluation.Tests.Harness;

public sealed class ReportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("topicmodel-eval-report-");

    public void Dispose() => _folder.Delete(recursive: true);

    private ReportFiles Write() =>
        ReportWriter.Write(_folder.FullName, HandCase.Evaluate(), null, ["hand.txt"]);

    [Fact]
    public void Metrics_json_has_the_documented_schema_and_values()
    {
        var files = Write();
        using var doc = JsonDocument.Parse(File.ReadAllText(files.MetricsJson));
        var root = doc.RootElement;

        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("topicmodel-evaluation", root.GetProperty("kind").GetString());
        Assert.Equal(4, root.GetProperty("data").GetProperty("papers").GetInt32());
        Assert.Equal(4, root.GetProperty("data").GetProperty("reviewedLabels").GetInt32());
        var metrics = root.GetProperty("metrics");
        Assert.Equal(0.5, metrics.GetProperty("microAccuracy").GetProperty("value").GetDouble());
        Assert.Equal(0.444444, metrics.GetProperty("macroF1").GetProperty("value").GetDouble());
        Assert.Equal(0.75, metrics.GetProperty("top2Accuracy").GetProperty("value").GetDouble());
        Assert.Equal(0.75, metrics.GetProperty("secondaryHitRate").GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("perClassRecall")[2].ValueKind);
        var topicC = root.GetProperty("perTopic")[2];
        Assert.Equal(("c", 0, 1), (topicC.GetProperty("topic").GetString(), topicC.GetProperty("support").GetInt32(), topicC.GetProperty("predicted").GetInt32()));
        Assert.Equal(JsonValueKind.Null, topicC.GetProperty("f1").GetProperty("value").ValueKind);
        Assert.Equal(2, root.GetProperty("confusionMatrix").GetProperty("counts")[3][1].GetInt32() * 2);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("confusionMatrix").GetProperty("rowNormalized")[2].ValueKind);
        Assert.Equal(0.34375, root.GetProperty("calibration").GetProperty("expectedCalibrationError").GetDouble());
        Assert.Equal(10, root.GetProperty("calibration").GetProperty("bins").GetArrayLength());
        Assert.Equal(0, root.GetProperty("leakage").GetProperty("count").GetInt32());
        var error = root.GetProperty("errors")[0];
        Assert.Equal(("a", "c", "reviewed"), (error.GetProperty("trueTopic").GetString(), error.GetProperty("predictedTopic").GetString(), error.GetProperty("labelSource").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("comparison").ValueKind);
    }

    [Fact]
    public void Report_md_has_the_summary_per_topic_confusion_and_error_tables()
    {
        var md = File.ReadAllText(Write().Markdown);

        Assert.StartsWith("# Evaluation of hand-model\n\n4 papers scored against reviewed labels for all 4 papers; no evaluation paper occurs in the training data.", md);
        Assert.Contains("| MicroAccuracy | 0.500 [0.000, 1.000] |", md);
        Assert.Contains("| c | 0 | 1 | 0.000 | - | - |", md);
        Assert.Contains("Never predicted (precision reported as 0): d", md);
        Assert.Contains("No evaluation papers (left out of the macro averages): c", md);
        Assert.Contains("| true \\ predicted | a | b | c | d |", md);
        Assert.Contains("| a | 1 | . | 1 | . |", md);
        Assert.Contains("## Misclassified papers (2)", md);
        Assert.Contains("| Paper two about alpha | a | c | 0.500 |", md);
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes_and_leaves_no_temporary_files()
    {
        var first = File.ReadAllBytes(Write().MetricsJson);
        var second = File.ReadAllBytes(Write().MetricsJson);

        Assert.Equal(first, second);
        Assert.Equal(["metrics.json", "report.html", "report.md"], _folder.GetFiles().Select(f => f.Name).Order());
    }
}
