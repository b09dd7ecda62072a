using TopicModel.DataPrep.Ingestion;
using TopicModel.DataPrep.Labeling;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;

namespace TopicModel.DataPrep.Preparation;

/// <summary>
/// digests -> papers -> weak labels (+ reviewed labels) -> analysis. Pure apart from reading the inputs.
/// The label model is fitted on every distinct paper of every split: it never sees a reviewed label,
/// so fitting on held-out text leaks nothing the evaluation relies on.
/// </summary>
public static class DataPreparation
{
    public static PreparedData Run(PrepInputs inputs, CancellationToken cancellation = default)
    {
        var taxonomy = TaxonomyReader.Read(inputs.TaxonomyPath);
        inputs.Labeling.Validate(taxonomy);

        var papers = new List<(Paper Paper, Split Split)>();
        var rejects = new List<RejectedRecord>();
        var warnings = new List<ReaderWarning>();
        foreach (var (split, files) in new[] { (Split.Train, inputs.Train), (Split.HeldOut, inputs.HeldOut), (Split.Unlabeled, inputs.Unlabeled) })
        {
            foreach (var file in files)
            {
                // Checked between records, not only between files: Ctrl+C must not wait for a large input to be read whole.
                var n = 0;
                foreach (var item in PaperReader.Read(file, inputs.Reader))
                {
                    if ((++n & 1023) == 0) cancellation.ThrowIfCancellationRequested();
                    if (item.Paper is { } p) papers.Add((p, split));
                    else if (item.Rejected is { } r) rejects.Add(r);
                    else if (item.Warning is { } w) warnings.Add(w);
                }
                cancellation.ThrowIfCancellationRequested();
            }
        }
        if (papers.Count == 0)
            throw new TopicModelException("the recipe's data holds no papers");
        var duplicates = DuplicateFinder.Find(papers.Select(p => p.Paper));

        // One row per distinct paper: a paper shared by two digests votes and is weighed once.
        var distinct = papers.Select(p => p.Paper).DistinctBy(p => p.Id).ToList();
        var functions = LabelingFunctionSet.FromTaxonomy(taxonomy, inputs.Labeling);
        var matrix = functions.Apply(distinct);
        cancellation.ThrowIfCancellationRequested();

        ILabelModel estimator = inputs.LabelModel switch
        {
            "generative" => new GenerativeLabelModel(),
            "majority" => new MajorityVoteLabelModel(),
            _ => throw new TopicModelException($"unknown label model '{inputs.LabelModel}'; expected generative or majority"),
        };
        ILabelModel other = estimator is GenerativeLabelModel ? new MajorityVoteLabelModel() : new GenerativeLabelModel();
        var chosen = estimator.Fit(matrix);
        var compared = other.Fit(matrix);

        var reviewed = ReadReviewed(inputs.ReviewedLabels, taxonomy);
        var analysis = LabelingAnalysis.Analyze(matrix, [chosen, compared], reviewed);

        var weak = chosen.Predict(matrix);
        var merged = LabelMerger.Merge(matrix.PaperIds, weak, reviewed, taxonomy);
        var row = new Dictionary<string, int>(distinct.Count, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++) row[distinct[i].Id] = i;
        var reviewedById = reviewed.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var prepared = new List<PreparedPaper>(papers.Count);
        foreach (var (paper, split) in papers)
        {
            var i = row[paper.Id];
            var label = merged[i] ?? throw new TopicModelException(
                $"paper '{paper.Title}' got no label: every labeling function abstained and no fallback topic is set (labeling.fallbackTopic)",
                paper.Digest, paper.Line);
            prepared.Add(new PreparedPaper(paper, split, label, weak[i], reviewedById.GetValueOrDefault(paper.Id)));
        }
        return new PreparedData(taxonomy, prepared, duplicates, analysis, chosen, reviewed, rejects, warnings);
    }

    private static IReadOnlyList<ReviewedLabel> ReadReviewed(IReadOnlyList<string> paths, Taxonomy taxonomy)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else if (Path.HasExtension(path))
                throw new TopicModelException("reviewed-label file not found", path);
        }
        return ReviewedLabelReader.ReadFiles(files, taxonomy);
    }
}
