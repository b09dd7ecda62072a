using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TopicModel.Cli.Rendering;
using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Preparation;
using TopicModel.Training.Recipes;

namespace TopicModel.Cli.Commands;

/// <summary>`topicmodel prep`: read the recipe's digests, label them, report label quality, write data/prepared/.</summary>
public static class PrepCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var recipeOption = RecipeOption.Create();
        var outOption = new Option<string?>("--out") { Description = "Folder for the prepared papers [default: the recipe's data.prepared]." };
        var command = new Command("prep", "Parse digests, weakly label every paper from the taxonomy, and report how good the labels are.")
        {
            recipeOption,
            outOption,
        };
        command.SetAction((parse, cancellation) =>
        {
            var recipe = RecipeReader.Read(parse.GetValue(recipeOption)!);
            var console = Terminal.Create(stdout);
            var clock = Stopwatch.StartNew();
            var outDir = parse.GetValue(outOption) is { } o ? Path.GetFullPath(o) : recipe.Data.PreparedDirectory;
            // An unwritable output folder fails now, not after the work.
            ML.IO.AtomicFile.CreateDirectory(outDir);
            var data = DataPreparation.Run(ToInputs(recipe), cancellation);
            // A Ctrl+C that came while the last phase ran still keeps the earlier prepared files.
            cancellation.ThrowIfCancellationRequested();
            var written = PreparedDataWriter.Write(data, outDir);
            PrepReport.Render(console, data);
            console.WriteLine();
            console.WriteLine($"Prepared {data.Papers.Count} papers in {clock.Elapsed.TotalSeconds:0.0} s; wrote {string.Join(", ", written.Select(Path.GetFileName))} to {outDir}");
            foreach (var w in data.Warnings.Take(20)) stderr.WriteLine($"warning: {w.File}:{w.Line}: {w.Message}");
            if (data.Rejects.Count > 0)
            {
                stderr.WriteLine($"{data.Rejects.Count} record(s) rejected; see {Path.Combine(outDir, PreparedDataWriter.RejectsFileName)}");
                return Task.FromResult(ExitCodes.CompletedWithRejects);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static PrepInputs ToInputs(Recipe recipe) => new(
        recipe.TaxonomyPath,
        recipe.Data.Train,
        recipe.Data.HeldOut,
        recipe.Data.Unlabeled,
        recipe.Data.ReviewedLabels,
        new LabelingOptions(TitleWeight: recipe.Labeling.TitleWeight, FallbackTopic: recipe.Labeling.FallbackTopic),
        recipe.Labeling.LabelModel,
        ReaderOptions.Default with { DigestYear = recipe.Data.DigestYear });
}
