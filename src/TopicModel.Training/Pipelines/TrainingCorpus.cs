using TopicModel.DataPrep.Papers;
using TopicModel.DataPrep.Taxonomies;

namespace TopicModel.Training.Pipelines;

/// <summary>
/// What a pipeline learns from: labeled papers (reviewed, or weakly labeled by the rules), the
/// unlabeled pool with the rules' weak labels, and one pseudo-paper per taxonomy topic.
/// <see cref="Documents"/> lists them in that order, so one index addresses any of them.
/// </summary>
public sealed class TrainingCorpus
{
    public TrainingCorpus(Taxonomy taxonomy, IReadOnlyList<LabeledPaper> labeled, IReadOnlyList<LabeledPaper> pool)
    {
        Taxonomy = taxonomy;
        Labeled = labeled;
        Pool = pool;
        TaxonomyPapers = taxonomy.Topics
            .Select((t, i) => new LabeledPaper(
                new Paper($"taxonomy:{t.Id}", t.Name, $"{t.Description} {string.Join(". ", t.Keywords)}.", "taxonomy", null, null, 0), i, false))
            .Where(p => p.Paper.Abstract.Length > 2)
            .ToArray();
        Documents = [.. labeled, .. pool, .. TaxonomyPapers];
    }

    public Taxonomy Taxonomy { get; }
    public IReadOnlyList<LabeledPaper> Labeled { get; }
    public IReadOnlyList<LabeledPaper> Pool { get; }
    public IReadOnlyList<LabeledPaper> TaxonomyPapers { get; }
    public IReadOnlyList<LabeledPaper> Documents { get; }

    public int PoolStart => Labeled.Count;
    public int TaxonomyStart => Labeled.Count + Pool.Count;
}
