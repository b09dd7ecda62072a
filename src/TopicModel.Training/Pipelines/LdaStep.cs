using System.Diagnostics;
using System.Text.Json.Nodes;
using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Preparation;
using TopicModel.DataPrep.Taxonomies;
using TopicModel.ML;
using TopicModel.ML.Lda;
using TopicModel.Training.Recipes;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// The training run's topic-model step: when the recipe's <c>lda</c> section is enabled, fits LDA on every
/// training and unlabeled paper (labels are not needed), seeds topics from the taxonomy's keywords, measures
/// held-out perplexity and coherence, and returns the model with its summary for the manifest (null when the
/// section is disabled). It runs before the search, which may use the topic mixtures as features.
/// </summary>
public static class LdaStep
{
    public static (LdaModel Model, JsonObject Summary)? Fit(Recipe recipe, PreparedData data, Action<string>? log = null, CancellationToken cancellation = default)
    {
        var section = recipe.Lda;
        if (!section.Enabled) return null;
        var clock = Stopwatch.StartNew();
        var corpus = TrainingRun.Corpus(data);
        var papers = corpus.Labeled.Concat(corpus.Pool).Select(e => e.Paper).ToArray();
        var options = section.SeedFromTaxonomy ? section.Options with { SeedTopics = SeedTopics(data.Taxonomy, section.Options, recipe.SourcePath) } : section.Options;
        log?.Invoke($"fitting LDA ({options.NumberOfTopics} topics) on {papers.Length} papers");
        var model = new LatentDirichletAllocation(options).Fit(papers.Select(Text).ToArray(), log, cancellation);
        var fitSeconds = clock.Elapsed.TotalSeconds;

        var trainingTokens = papers.Select(p => model.Tokenize(Text(p))).ToArray();
        var coherence = model.Coherence(new CoherenceReference(trainingTokens));
        var heldOut = data.InSplit(Split.HeldOut).Select(p => model.Tokenize(Text(p.Paper))).ToArray();
        double? perplexity = heldOut.Count(t => t.Count >= 2) > 0 ? model.Perplexity(heldOut) : null;

        // No timings in the manifest: the same recipe and data must give a byte-identical bundle.
        var summary = new JsonObject
        {
            ["numberOfTopics"] = model.NumberOfTopics,
            ["vocabularySize"] = model.Vocabulary.Count,
            ["documents"] = papers.Length,
            ["iterations"] = options.MaximumNumberOfIterations,
            ["seed"] = options.Seed,
            ["seededTopics"] = new JsonArray(options.SeedTopics.Select(s => (JsonNode)new JsonObject { ["topic"] = s.TopicId, ["taxonomyId"] = s.Label }).ToArray()),
            ["heldOutPerplexity"] = perplexity,
            ["coherence"] = new JsonObject { ["npmi"] = coherence.Npmi, ["umass"] = coherence.UMass, ["reference"] = "training papers, top 10 terms" },
            ["digestShares"] = DigestShares(papers, model),
        };
        log?.Invoke($"LDA: {fitSeconds:0.0} s, NPMI {coherence.Npmi:0.000}, UMass {coherence.UMass:0.00}" + (perplexity is { } p ? $", held-out perplexity {p:0}" : ""));
        return (model, summary);
    }

    public static string Text(Paper paper) => paper.Title + "\n" + paper.Abstract;

    /// <summary>
    /// Topic i is seeded with taxonomy topic i's single-word keywords (multi-word keywords would seed their
    /// generic parts, such as "set" or "data"); the fallback topic 'other' has no keywords and is not seeded.
    /// </summary>
    public static IReadOnlyList<SeedTopic> SeedTopics(Taxonomy taxonomy, LatentDirichletAllocationOptions options, string source)
    {
        var seeded = taxonomy.Topics.Where(t => t.Keywords.Count > 0).ToArray();
        if (seeded.Length > options.NumberOfTopics)
            throw new TopicModelException($"$.lda.numberOfTopics: {options.NumberOfTopics} topics cannot hold the taxonomy's {seeded.Length} seeded topics; raise it or set seedFromTaxonomy to false", source);
        var analyzer = new ML.Text.TokenAnalyzer(options.Normalization);
        return seeded.Select((topic, i) => new SeedTopic(i, topic.Id, topic.Keywords
                .Select(analyzer.Tokens).Where(t => t.Count == 1).Select(t => t[0]).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
    }

    /// <summary>Mean topic mixture of the papers of each digest, in date order, for topic drift across digests.</summary>
    private static JsonArray DigestShares(IReadOnlyList<Paper> papers, LdaModel model)
    {
        var rows = new JsonArray();
        foreach (var group in papers.Select((p, i) => (Paper: p, Mixture: model.DocumentTopics[i]))
                     .GroupBy(x => x.Paper.Digest).OrderBy(g => g.Min(x => x.Paper.Date)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var shares = new double[model.NumberOfTopics];
            foreach (var (_, mixture) in group)
                for (var t = 0; t < shares.Length; t++) shares[t] += mixture[t];
            var n = group.Count();
            rows.Add(new JsonObject
            {
                ["digest"] = group.Key,
                ["date"] = group.Min(x => x.Paper.Date)?.ToString("yyyy-MM-dd"),
                ["papers"] = n,
                ["shares"] = new JsonArray(shares.Select(s => (JsonNode)JsonValue.Create(Math.Round(s / n, 5))).ToArray()),
            });
        }
        return rows;
    }
}
