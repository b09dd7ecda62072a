using System.Text.Json;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.Evaluation.Html;
using Plotly.NET;
using TopicModel.Evaluation.Charts;
using TopicModel.ML.Text;
using TopicModel.TestSupport;

namespace TopicModel.Evaluation.Tests.Charts;

/// <summary>
/// A report with every chart kind, built from the shipped taxonomy and reviewed labels: the "prediction" is a
/// paper's secondary topic when it has one, which gives a confusion matrix with realistic off-diagonal cells.
/// </summary>
internal static class SampleReport
{
    public const string HostileText = "<script>alert('x')</script> & \"quotes\"";

    public static Taxonomy Taxonomy { get; } = TaxonomyReader.Read(RepoPaths.Taxonomy);

    public static string[] TopicNames => Taxonomy.Topics.Select(t => t.Name).ToArray();

    public static IReadOnlyList<LabeledPaper> ReadLabels(string fileName) =>
        File.ReadLines(Path.Combine(RepoPaths.Labels, fileName))
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var secondary = root.GetProperty("secondary").EnumerateArray().Select(e => e.GetString()!).ToArray();
                return new LabeledPaper(root.GetProperty("title").GetString()!, root.GetProperty("topic").GetString()!, secondary);
            })
            .ToArray();

    public static double[] TopicShares(IReadOnlyList<LabeledPaper> papers)
    {
        var shares = new double[Taxonomy.Topics.Count];
        foreach (var paper in papers) shares[Taxonomy.IndexOf(paper.Topic)] += 1.0 / papers.Count;
        return shares;
    }

    public static long[,] SecondaryTopicConfusion(IReadOnlyList<LabeledPaper> papers)
    {
        var n = Taxonomy.Topics.Count;
        var counts = new long[n, n];
        foreach (var paper in papers)
        {
            var predicted = paper.Secondary.FirstOrDefault(Taxonomy.Contains) ?? paper.Topic;
            counts[Taxonomy.IndexOf(paper.Topic), Taxonomy.IndexOf(predicted)]++;
        }
        return counts;
    }

    public static double[,] RowNormalize(long[,] counts)
    {
        var n = counts.GetLength(0);
        var shares = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            long row = 0;
            for (var j = 0; j < n; j++) row += counts[i, j];
            for (var j = 0; j < n; j++) shares[i, j] = row == 0 ? double.NaN : (double)counts[i, j] / row;
        }
        return shares;
    }

    /// <summary>Wilson score interval (95%) of a binomial proportion.</summary>
    public static (double Lower, double Upper) Wilson(long successes, long trials)
    {
        if (trials == 0) return (double.NaN, double.NaN);
        const double z = 1.959964;
        var p = (double)successes / trials;
        var denominator = 1 + z * z / trials;
        var centre = (p + z * z / (2 * trials)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Title-word counts of the training papers of one topic, stop words removed.</summary>
    public static (string[] Terms, double[] Weights) TitleTerms(IReadOnlyList<LabeledPaper> papers, string topicId)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var paper in papers.Where(p => p.Topic == topicId))
        {
            foreach (var token in WordTokenizer.Tokens(TextNormalizer.Fold(paper.Title)))
            {
                if (token.Length < 3 || StopWords.English.Contains(token)) continue;
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }
        var terms = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        return (terms, terms.Select(t => counts[t]).ToArray());
    }

    public static HtmlReport Build()
    {
        var train = ReadLabels("train-000.jsonl");
        var heldOut = ReadLabels("heldout-001.jsonl");
        var names = TopicNames;
        var counts = SecondaryTopicConfusion(heldOut);
        var n = names.Length;

        var recall = new double[n];
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++)
        {
            long row = 0;
            for (var j = 0; j < n; j++) row += counts[i, j];
            recall[i] = row == 0 ? double.NaN : (double)counts[i, i] / row;
            (lower[i], upper[i]) = Wilson(counts[i, i], row);
        }

        var (terms, weights) = TitleTerms(train, Taxonomy.Topics[0].Id);

        var table = new List<string[]> { new[] { "Paper", "Topic", "Secondary topics" } };
        table.AddRange(heldOut.Take(8).Select(p => new[] { p.Title, p.Topic, p.Secondary.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        table.Add([HostileText, "other", "0"]);

        return new HtmlReport($"Evaluation report {HostileText}")
            .AddParagraph($"Held-out digest: {heldOut.Count} papers; training digest: {train.Count} papers.")
            .AddSection("Label distribution")
            .AddFigure(ReportCharts.GroupedBars(names, [("train", TopicShares(train)), ("held-out", TopicShares(heldOut))], "Topic share per digest", ".0%"),
                "Share of papers per topic in each digest.")
            .AddSection("Confusion")
            .AddFigure(ReportCharts.ConfusionHeatmap(names, RowNormalize(counts), counts), "Secondary topic taken as the prediction.")
            .AddFigure(ReportCharts.PerClassBars(names, recall, lower, upper, "Per-topic recall (95% Wilson interval)"))
            .AddSection("Calibration")
            .AddFigure(ReportCharts.ReliabilityCurve([0.15, 0.35, 0.55, 0.75, 0.95], [0.1, 0.3, 0.5, 0.8, 0.9], [3, 10, 25, 40, 34]))
            .AddSection("Topics")
            .AddFigure(ReportCharts.TopicTermBars(Taxonomy.Topics[0].Name, terms, weights, top: 12))
            .AddSection("Papers")
            .AddTable(table.ToArray());
    }
}
