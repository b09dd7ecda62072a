using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using TopicModel.Cli.Rendering;
using TopicModel.Evaluation.Html;
using TopicModel.Evaluation.Charts;
using TopicModel.ML;
using TopicModel.ML.Lda;
using TopicModel.Training.Bundles;

namespace TopicModel.Cli.Commands;

/// <summary>
/// `topicmodel topics`: the bundle's LDA topics as a table (id, seeded taxonomy id, size, top terms), and with
/// --html a page with each topic's term bars and the topic share per digest.
/// </summary>
public static class TopicsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var recipeOption = RecipeOption.Create();
        var model = new Option<string?>("--model", "-m") { Description = "The model bundle [default: the recipe's models/<name>.zip]." };
        var html = new Option<string?>("--html") { Description = "Also write an HTML page with topic-term charts and topic shares per digest." };
        var terms = new Option<int>("--terms") { Description = "Top terms shown per topic.", DefaultValueFactory = _ => 10 }.AtLeast(1, "terms per topic");
        var command = new Command("topics", "Show the bundle's LDA topic model: topics, their seeded taxonomy ids, sizes and top terms.") { recipeOption, model, html, terms };
        command.SetAction((parse, _) =>
        {
            var path = parse.GetValue(model) ?? RecipeOption.DefaultBundle(Training.Recipes.RecipeReader.Read(parse.GetValue(recipeOption)!));
            var bundle = ModelBundleFile.Load(path);
            var lda = bundle.Lda ?? throw new TopicModelException("this bundle has no topic model (train with an enabled \"lda\" section in the recipe)", path);
            var count = parse.GetValue(terms);
            RenderTable(Terminal.Create(stdout), lda, bundle.Manifest, count);
            if (parse.GetValue(html) is { } htmlPath)
            {
                Page(bundle, lda, count).Save(htmlPath);
                stderr.WriteLine($"wrote {htmlPath} (plotly.js inlined: it opens offline)");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void RenderTable(IAnsiConsole console, LdaModel lda, JsonObject manifest, int count)
    {
        var table = new Table().Title($"LDA topics ({lda.NumberOfTopics}, {lda.Vocabulary.Count:N0} terms)").AddColumns("id", "taxonomy id", "size", "share", "top terms");
        foreach (var t in lda.Topics)
        {
            table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.SeedLabel ?? "-"), t.Size.ToString("N0", CultureInfo.InvariantCulture),
                Terminal.Percent(t.Share), Markup.Escape(string.Join(" ", lda.TopTerms(t.Id, count).Select(x => x.Term))));
        }
        console.Write(table);
        if (manifest["lda"] is JsonObject info)
        {
            console.WriteLine($"Coherence (top 10 terms, training papers): NPMI {Terminal.Number(Value(info["coherence"]?["npmi"]))}, " +
                              $"UMass {Terminal.Number(Value(info["coherence"]?["umass"]))}; held-out perplexity {Terminal.Number(Value(info["heldOutPerplexity"]), "0")}.");
        }
    }

    private static HtmlReport Page(ModelBundle bundle, LdaModel lda, int count)
    {
        var names = lda.Topics.Select(Name).ToArray();
        var report = new HtmlReport($"Topics of {bundle.Name}")
            .AddSection("Topics")
            .AddTable([["id", "taxonomy id", "size", "share", "top terms"], .. lda.Topics.Select(t => new[]
            {
                t.Id.ToString(CultureInfo.InvariantCulture), t.SeedLabel ?? "-", t.Size.ToString("N0", CultureInfo.InvariantCulture),
                Terminal.Percent(t.Share), string.Join(" ", lda.TopTerms(t.Id, count).Select(x => x.Term)),
            })]);

        if (bundle.Manifest["lda"]?["digestShares"] is JsonArray digests && digests.Count > 0)
        {
            var series = digests.Select(d => (
                name: $"{d!["digest"]!.GetValue<string>()} ({d["papers"]!.GetValue<int>()} papers{(d["date"] is { } date ? ", " + date.GetValue<string>() : "")})",
                values: d["shares"]!.AsArray().Select(s => s!.GetValue<double>()).ToArray())).ToArray();
            report = report.AddSection("Topic share per digest")
                .AddParagraph("Mean topic mixture of each digest's training papers, in date order.")
                .AddFigure(ReportCharts.GroupedBars(names, series, "Topic share per digest", ".0%"), id: "digest-shares");
        }

        report = report.AddSection("Top terms per topic");
        foreach (var t in lda.Topics)
        {
            var top = lda.TopTerms(t.Id, count);
            report = report.AddFigure(ReportCharts.TopicTermBars(names[t.Id], top.Select(x => x.Term).ToArray(), top.Select(x => x.Weight).ToArray(), count), id: $"topic-{t.Id}");
        }
        return report;
    }

    private static string Name(LdaTopic t) => t.SeedLabel is { } label ? $"{t.Id}: {label}" : $"{t.Id}";

    private static double? Value(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
