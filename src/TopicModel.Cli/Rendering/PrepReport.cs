using Spectre.Console;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;

namespace TopicModel.Cli.Rendering;

/// <summary>The tables `prep` prints: inputs, duplicates, rule analysis, label models, label distribution.</summary>
public static class PrepReport
{
    public static void Render(IAnsiConsole console, PreparedData data)
    {
        RenderInputs(console, data);
        RenderDuplicates(console, data);
        RenderFunctions(console, data.Analysis);
        RenderModels(console, data.Analysis);
        RenderDistribution(console, data);
    }

    private static void RenderInputs(IAnsiConsole console, PreparedData data)
    {
        var table = new Table().Title("Inputs").AddColumns("digest", "split", "papers", "date");
        foreach (var g in data.Papers.GroupBy(p => (p.Paper.Digest, p.Split)))
        {
            var date = g.First().Paper.Date?.ToString("yyyy-MM-dd") ?? "-";
            table.AddRow(Markup.Escape(g.Key.Digest), PreparedDataWriter.SplitName(g.Key.Split), g.Count().ToString(), date);
        }
        table.AddRow("[bold]total[/]", "", data.Papers.Count.ToString(), $"{data.Rejects.Count} rejected");
        console.Write(table);
    }

    private static void RenderDuplicates(IAnsiConsole console, PreparedData data)
    {
        var d = data.Duplicates;
        console.WriteLine($"Duplicates: {d.TotalPapers} papers, {d.DistinctPapers} distinct; {d.WithinDigest.Count} repeated within a digest, {d.CrossDigest.Count} shared between digests (kept in each digest, labeled once).");
    }

    private static void RenderFunctions(IAnsiConsole console, LabelingReport report)
    {
        var table = new Table()
            .Title($"Labeling functions: {report.CoveredPapers} of {report.Papers} distinct papers covered ({Terminal.Percent(report.Coverage)}); {report.ReviewedPapers} have reviewed labels")
            .AddColumns("function", "coverage", "overlaps", "conflicts", "correct", "incorrect", "emp. accuracy");
        foreach (var f in report.Functions)
        {
            table.AddRow(Markup.Escape(f.Function), Terminal.Percent(f.Coverage), Terminal.Percent(f.Overlaps), Terminal.Percent(f.Conflicts),
                f.Correct?.ToString() ?? "-", f.Incorrect?.ToString() ?? "-", Terminal.Percent(f.EmpiricalAccuracy));
        }
        console.Write(table);
    }

    private static void RenderModels(IAnsiConsole console, LabelingReport report)
    {
        var table = new Table().Title("Label models against reviewed labels").AddColumns("model", "labeled", "compared", "accuracy", "macro-F1");
        foreach (var m in report.Models)
            table.AddRow(m.Model, m.Labeled.ToString(), m.Compared.ToString(), Terminal.Percent(m.Accuracy), Terminal.Number(m.MacroF1));
        console.Write(table);
    }

    private static void RenderDistribution(IAnsiConsole console, PreparedData data)
    {
        var table = new Table().Title("Labels per topic (distinct papers)").AddColumns("topic", "weak", "reviewed", "final: train", "final: held-out", "final: unlabeled");
        var distinct = data.Papers.DistinctBy(p => (p.Paper.Id, p.Split)).ToList();
        foreach (var topic in data.Taxonomy.Ids)
        {
            int Count(Func<PreparedPaper, bool> f) => distinct.Count(f);
            table.AddRow(
                topic,
                Count(p => p.Weak?.Topic == topic).ToString(),
                Count(p => p.Reviewed?.Topic == topic).ToString(),
                Count(p => p.Split == Split.Train && p.Label.Topic == topic).ToString(),
                Count(p => p.Split == Split.HeldOut && p.Label.Topic == topic).ToString(),
                Count(p => p.Split == Split.Unlabeled && p.Label.Topic == topic).ToString());
        }
        console.Write(table);
    }
}
